package io.blastgate.importer;

import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputChoice;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of a run that commits in parts: a copy of its input in the journal folder, and an
 * {@code ImportJournal} node in the graph, written in the transaction that marks the graph as being
 * published by the run ({@code begin-publishing.cypher}). While the mark stands, readers wait
 * ({@code graph.PublishedReads}); the transaction that publishes the run deletes the node and clears
 * the mark ({@code close-journal.cypher}, {@code publish.cypher}), and the copy is deleted after. If
 * the process dies between, start-up finds the node and writes the run again from the copy, as the
 * same run ({@link Importer#finishInterrupted}): forward, to the state after the import.
 *
 * <p>One run publishes in parts at a time: in this process a lock orders them, and across processes
 * sharing a Neo4j the mark refuses a second.
 */
final class ImportJournal {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJournal.class);
  private static final ReentrantLock PUBLISHING = new ReentrantLock();

  private final Graph graph;
  private final RunIdentity run;
  private final Path folder;

  private ImportJournal(Graph graph, RunIdentity run, Path folder) {
    this.graph = graph;
    this.run = run;
    this.folder = folder;
  }

  /** The file of a run's folder that names its source, so that start-up can say which one it stopped. */
  private static final String SOURCE_FILE = "source.txt";

  /** A run whose folder start-up found with no journal in the graph: its source, if the folder says. */
  record Leftover(String runId, String source) {}

  /** Copies an input (a file or a folder) into the run's own folder of the journal folder. */
  static Path copyInput(Path journalDir, String runId, String source, Path input) throws IOException {
    Path folder = privateFolder(privateFolder(journalDir).resolve(runId));
    Files.writeString(folder.resolve(SOURCE_FILE), source);
    Path copy = folder.resolve(input.getFileName().toString());
    if (Files.isDirectory(input)) {
      try (Stream<Path> files = Files.walk(input)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path target = copy.resolve(input.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(target);
          } else {
            Files.copy(file, target);
          }
        }
      }
    } else {
      Files.copy(input, copy);
    }
    return copy;
  }

  /**
   * Marks the graph as being published by {@code run} and opens its journal (or, for a run being
   * finished at start-up, finds both already there). Waits for a run of this process that publishes;
   * refuses when another process's run does.
   */
  static ImportJournal begin(Graph graph, RunIdentity run, InputChoice choice, Path copy, ChangePlan plan) {
    PUBLISHING.lock();
    try {
      Map<String, Object> params = new HashMap<>(run.provenance());
      params.put("format", choice.format().orElseThrow());
      params.put("options", optionsAsList(choice.options()));
      params.put("input", copy.toAbsolutePath().toString());
      params.put("plan", Map.of("unchanged", plan.unchanged(), "written_entities", plan.changedEntities()));
      long claimed = graph.write(ImporterQuery.BEGIN_PUBLISHING, params, r -> r.single().number("claimed"));
      if (claimed == 0) {
        throw new Conflict("another import is being published in parts through another blastgate process;"
            + " nothing of this one was written: send it again when that one has finished", null);
      }
      LOG.info("import {} of source {} is being published in parts; readers wait until it is (journal: {})",
          run.id(), run.source(), copy.getParent());
      return new ImportJournal(graph, run, copy.getParent());
    } catch (RuntimeException e) {
      PUBLISHING.unlock();
      throw e;
    }
  }

  /** A format's options as the journal keeps them (a node holds no map): {@code name=value}, sorted. */
  static java.util.List<String> optionsAsList(Map<String, String> options) {
    return new java.util.TreeMap<>(options).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  /** The options {@link #optionsAsList} kept; none for a journal written before they were kept. */
  static Map<String, String> optionsOf(java.util.List<String> kept) {
    Map<String, String> options = new HashMap<>();
    for (String option : kept) {
      int eq = option.indexOf('=');
      options.put(option.substring(0, eq), option.substring(eq + 1));
    }
    return options;
  }

  /** The last statement of each part: what it wrote, into the journal, in the part's transaction. */
  void tally(Graph.Tx tx, WriteTally part) {
    if (part.relationships() == 0 && !part.removedAnything()) {
      return;
    }
    tx.run(ImporterQuery.TALLY_PART, Map.of("run", run.id(), "relationships", part.relationships(),
        "removed_nodes", part.removedNodes(), "removed_relationships", part.removedRelationships())).consume();
  }

  /** In the publishing transaction: deletes the journal node; answers what it planned and tallied. */
  Map<String, Object> close(Graph.Tx tx) {
    return tx.run(ImporterQuery.CLOSE_JOURNAL, Map.of("run", run.id())).single().map("journal");
  }

  /** After the run was published: deletes its copy of the input and lets the next run publish. */
  void published() {
    try {
      deleteQuietly(folder);
    } finally {
      PUBLISHING.unlock();
    }
  }

  /**
   * After a failure while publishing: the journal and the mark stay (readers keep waiting: the graph is
   * between two states), and start-up finishes the run; only the lock of this process is let go.
   */
  void failed() {
    PUBLISHING.unlock();
  }

  /**
   * Deletes what the journal folder holds for runs the graph has no journal of: runs stopped before
   * their journal began (the graph is as before them), or after they were published.
   */
  static java.util.List<Leftover> removeStale(Path journalDir, java.util.Set<String> openRuns) throws IOException {
    java.util.List<Leftover> removed = new java.util.ArrayList<>();
    if (!Files.isDirectory(journalDir)) {
      return removed;
    }
    try (Stream<Path> runs = Files.list(journalDir)) {
      for (Path folder : (Iterable<Path>) runs::iterator) {
        String runId = folder.getFileName().toString();
        if (!openRuns.contains(runId)) {
          Path sourceFile = folder.resolve(SOURCE_FILE);
          String source = Files.isRegularFile(sourceFile) ? Files.readString(sourceFile).strip() : null;
          deleteQuietly(folder);
          removed.add(new Leftover(runId, source));
        }
      }
    }
    return removed;
  }

  private static Path privateFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(folder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(folder);
      }
    }
    return folder;
  }

  private static void deleteQuietly(Path root) {
    try {
      if (!Files.exists(root)) {
        return;
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // A copy left behind is removed at the next start-up (removeStale).
    }
  }
}
