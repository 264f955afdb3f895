package io.blastgate.graph;

import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.InvalidInput;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first load of an empty embedded database through Neo4j's own offline importer ({@link
 * BatchImport}): it builds the store files directly, with no transactions, while the database is
 * closed; the program then opens the database as always, and the migrations create the schema.
 *
 * <p>{@link #into} refuses a remote graph and a database that holds data (besides the bookkeeping of
 * its migrations: a database opened before and left empty is replaced). {@link #write} takes the data
 * folder's locks, as {@code neo4j-admin} does, checks that nothing touched the database since, and
 * leaves no database at all if the import fails.
 */
public final class BulkLoad {
  private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);

  private final Config config;
  private final DatabaseLayout layout;
  /** The files of the database when it was found empty (none, if there was no database). */
  private final String foundEmpty;

  private BulkLoad(Config config, DatabaseLayout layout, String foundEmpty) {
    this.config = config;
    this.layout = layout;
    this.foundEmpty = foundEmpty;
  }

  /**
   * The embedded database that {@code settings} names, checked to hold no data: a database that
   * exists is opened once to count its nodes. Refused ({@link InvalidInput}) for a remote graph, and
   * ({@link Conflict}) for a database that holds any node besides its migrations.
   */
  public static BulkLoad into(GraphSettings settings) {
    if (!settings.embedded()) {
      throw new InvalidInput("bulk load works only on the embedded database, not on "
          + settings.uri().orElseThrow() + ": import it instead");
    }
    Path home = settings.dataDir().toAbsolutePath().normalize();
    Config config = Config.newBuilder()
        .set(GraphDatabaseSettings.neo4j_home, home)
        .set(GraphDatabaseSettings.pagecache_memory, settings.pageCacheBytes())
        .build();
    DatabaseLayout layout = Neo4jLayout.of(config).databaseLayout(settings.database());
    try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      if (!StorageEngineFactory.selectStorageEngine(config).storageExists(fs, layout)) {
        return new BulkLoad(config, layout, fingerprint(layout));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long nodes;
    try (GraphConnection open = GraphConnection.open(settings)) {
      nodes = open.graph().read(HousekeepingQuery.COUNT_DATA_NODES, Map.of(), r -> r.single().number("nodes"));
    }
    if (nodes > 0) {
      throw new Conflict("the database in " + home + " already holds " + nodes + (nodes == 1 ? " node" : " nodes")
          + ": a bulk load builds a new database and works only into an empty one; import into it instead");
    }
    return new BulkLoad(config, layout, fingerprint(layout));
  }

  /**
   * Builds the database from {@code input}, reporting the importer's percentage done. On failure the
   * database is removed, so that the data folder holds none rather than a part of one.
   */
  public void write(BulkInput input, IntConsumer percentDone) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(percentDone, "percentDone");
    try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      fs.mkdirs(layout.databaseDirectory());
      try (Closeable dbms = lock(() -> LockChecker.checkDbmsLock(layout.getNeo4jLayout()));
          Closeable database = lock(() -> LockChecker.checkDatabaseLock(layout))) {
        if (!fingerprint(layout).equals(foundEmpty)) {
          throw new Conflict("the database in " + layout.getNeo4jLayout().homeDirectory()
              + " changed after it was found empty; nothing was loaded: try again");
        }
        remove(fs);
        long started = System.nanoTime();
        try {
          BatchImport.run(config, fs, layout, input, percentDone);
        } catch (IOException | RuntimeException | Error e) {
          remove(fs);
          throw e;
        }
        LOG.info("bulk load built {} in {} ms", layout.databaseDirectory(), (System.nanoTime() - started) / 1_000_000);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the bulk load could not write " + layout.databaseDirectory(), e);
    }
  }

  /** Deletes the database's store and transaction logs, keeping the lock file that this load holds. */
  private void remove(FileSystemAbstraction fs) throws IOException {
    fs.deleteRecursively(layout.databaseDirectory(), path -> !path.equals(layout.databaseLockFile()));
    fs.deleteRecursively(layout.getTransactionLogsDirectory());
  }

  @FunctionalInterface
  private interface Locking {
    Closeable take() throws CannotWriteException, FileLockException;
  }

  private Closeable lock(Locking locking) {
    try {
      return locking.take();
    } catch (CannotWriteException | FileLockException e) {
      throw new GraphUnavailable("the data folder " + layout.getNeo4jLayout().homeDirectory()
          + " is in use by another process (a running blastgate?) or not writable: stop it, then load again", e);
    }
  }

  /** The names, sizes and times of the database's files: equal when nothing has written to it. */
  private static String fingerprint(DatabaseLayout layout) {
    return Stream.of(layout.databaseDirectory(), layout.getTransactionLogsDirectory())
        .flatMap(BulkLoad::files)
        .filter(p -> !p.equals(layout.databaseLockFile()))
        .sorted()
        .map(BulkLoad::describe)
        .collect(Collectors.joining("\n"));
  }

  private static Stream<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Path file) {
    try {
      return file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
