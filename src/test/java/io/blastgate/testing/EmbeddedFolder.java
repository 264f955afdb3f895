package io.blastgate.testing;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The database of an embedded data folder, opened directly through Neo4j's embedded API (no Bolt, no
 * migrations, none of the program's code), so that a test can look at exactly what a load left there,
 * value types included. Close it before the program opens the folder again.
 */
public final class EmbeddedFolder implements AutoCloseable {
  private final DatabaseManagementService dbms;

  private EmbeddedFolder(DatabaseManagementService dbms) {
    this.dbms = dbms;
  }

  public static EmbeddedFolder open(Path dataDir) {
    return new EmbeddedFolder(
        new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath().normalize())
            .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .build());
  }

  public GraphDatabaseService database() {
    return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  @Override
  public void close() {
    dbms.shutdown();
  }
}
