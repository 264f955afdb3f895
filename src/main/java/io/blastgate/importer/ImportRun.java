package io.blastgate.importer;

import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.importer.input.OpenedInput;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link Importer#importPath}, from its opened input to its report: validate (the first
 * pass), resolve the references, write (the second pass, then the sync), report. Also the report of
 * an input that could not be opened at all.
 */
final class ImportRun {
  private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

  /**
   * The sources being imported in this process. Two imports of one source at once would each retract
   * what the other wrote (sync keeps one run per source), so the second is refused until the first
   * ends. Imports of different sources run side by side.
   */
  private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

  /** Opens an input again: the journal's copy of it, which a run that commits in parts writes from. */
  @FunctionalInterface
  interface Reopener {
    OpenedInput open(Path path, String source, InputChoice choice) throws IOException;
  }

  /**
   * A run in parts failed after its journal began: the graph stays marked as being published (readers
   * wait) until the run is finished from its journal ({@link Importer#finishInterrupted}).
   */
  static final class PublishingFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String runId;

    PublishingFailed(String runId, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.runId = runId;
    }

    String runId() {
      return runId;
    }

    RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }

  /** A run that start-up finishes after a crash: who it was, and its journal's copy of the input. */
  record Resuming(RunIdentity run, Path input) {}

  private final String id;
  private final long started = System.nanoTime();
  private final Graph graph;
  private final ImportSettings settings;
  private final EntityReader reader;
  private final ImportProgress progress;
  /** The input as given (a file or a folder), which a run in parts copies into its journal. */
  private final Path path;
  private final Reopener reopen;
  /** Null for a new run. */
  private final Resuming resuming;
  /** The format of the input, once one opened it; the canonical one before. */
  private String format = InputFormats.CANONICAL;
  /** The format's options the import was asked with ({@code cluster}), which its copy is read with again. */
  private final Map<String, String> options;

  ImportRun(Graph graph, ImportSettings settings, EntityReader reader, ImportProgress progress, Path path,
      Map<String, String> options, Reopener reopen, Resuming resuming) {
    this.options = Map.copyOf(options);
    this.graph = graph;
    this.settings = settings;
    this.reader = reader;
    this.progress = progress;
    this.path = path;
    this.reopen = reopen;
    this.resuming = resuming;
    this.id = resuming != null ? resuming.run().id() : UUID.randomUUID().toString();
  }

  /** Imports an opened input: every step below, in order; any problem stops it before the write. */
  ImportReport load(String format, SourceInput input) throws IOException {
    this.format = format;
    Problems problems = new Problems(settings.maxReportedErrors());
    BundleIndex index = new BundleIndex(input.locations(), problems);
    FirstPass read = FirstPass.read(input, reader, index, problems, progress);
    // After malformed JSON, what was not reached (format, source, references) is not reported.
    String source = read.complete() ? input.source(problems) : null;
    if (source == null || problems.hasErrors()) {
      if (read.complete()) {
        resolve(index, source);
      }
      return refused(input, problems);
    }
    if (resuming != null && !resuming.run().source().equals(source)) {
      return refused(source, "source", "the journal's copy of the input names source '" + source
          + "', not the run's '" + resuming.run().source() + "'");
    }
    if (!RUNNING.add(source)) {
      LOG.info("import {} of source {} refused: another import of it is running", id, source);
      return refused(source, "source", "another import of source '" + source + "' is running;"
          + " nothing was written: send this one again when it has finished");
    }
    try {
      // What the source stated before first: an entity stated as before needs no look-up to resolve.
      progress.phase("compare", -1);
      ChangePlan plan = ChangePlan.of(graph, source, index);
      resolve(index, source);
      if (problems.hasErrors()) {
        return refused(input, problems);
      }
      return write(input, index, read.expected(), source, plan, problems);
    } finally {
      RUNNING.remove(source);
    }
  }

  /** {@code source} null: the input has no valid one (see {@link BundleIndex#resolve}). */
  private void resolve(BundleIndex index, String source) {
    progress.phase("resolve", index.size());
    index.resolve(graph, settings.batchSize(), source);
  }

  /**
   * Writes the change the plan finds: in one transaction when it is small enough, else in parts under
   * a journal, reading a copy of the input that start-up can finish the run from after a crash.
   */
  private ImportReport write(SourceInput input, BundleIndex index, GraphWriter.Expected expected, String source,
      ChangePlan plan, Problems problems) throws IOException {
    RunIdentity run = resuming != null ? resuming.run() : RunIdentity.starting(id, source);
    GraphWriter writer = new GraphWriter(settings, reader, progress, index, plan);
    Publisher publisher = new Publisher(graph, settings, run);
    Counts counts;
    if (resuming == null && settings.oneTransaction(plan.rows())) {
      counts = writeAgainOnConflict(index, () -> publisher.inOneTransaction(writer, input, expected, plan));
    } else {
      counts = inParts(input, index, expected, plan, run, writer, publisher);
    }
    awaitSearchIndex(source);
    LOG.info("import {} of source {}: {} entities unchanged, {} written, {} relationships written, removed {} nodes"
            + " and {} relationships", id, source, counts.unchanged(), counts.writtenEntities(),
        counts.writtenRelationships(), counts.removedNodes(), counts.removedRelationships());
    return report(source, ImportReport.Status.SUCCEEDED, counts, problems);
  }

  private Counts inParts(SourceInput input, BundleIndex index, GraphWriter.Expected expected, ChangePlan plan,
      RunIdentity run, GraphWriter writer, Publisher publisher) throws IOException {
    Path copy = resuming != null ? resuming.input() : ImportJournal.copyInput(settings.journalDir(), id, run.source(), path);
    // The copy is read as the input was: the format that read it, with the options it was asked with.
    InputChoice pinned = new InputChoice(Optional.of(format), options);
    try (OpenedInput reopened = resuming != null ? null : reopen.open(copy, run.source(), pinned)) {
      SourceInput from = reopened instanceof OpenedInput.Ready ready ? ready.input() : input;
      ImportJournal journal = ImportJournal.begin(graph, run, pinned, copy, plan);
      try {
        Counts counts = writeAgainOnConflict(index,
            () -> publisher.inParts(writer, from, expected, journal, resuming != null));
        journal.published();
        return counts;
      } catch (RuntimeException e) {
        journal.failed();
        throw new PublishingFailed(id, e);
      }
    }
  }

  /**
   * Another import created an id of this bundle between this one's look-up and its write. What this
   * attempt wrote was rolled back (one transaction) or is written again the same (parts): write
   * everything again, merging with what is there.
   */
  private static Counts writeAgainOnConflict(BundleIndex index, java.util.function.Supplier<Counts> write) {
    try {
      return write.get();
    } catch (Conflict e) {
      LOG.info("an import found an entity created meanwhile by another writer; writing again, merging");
      index.assumeAllInGraph();
      return write.get();
    }
  }

  private void awaitSearchIndex(String source) {
    progress.phase("search index", -1);
    try {
      graph.awaitSearchIndex();
    } catch (RuntimeException e) {
      // The import is committed and stays so; only search may lag behind it for a moment.
      LOG.warn("import of source {} is written, but waiting for the search index failed: {}", source, e.toString());
    }
  }

  private ImportReport refused(SourceInput input, Problems problems) {
    LOG.info("import {} of source {} refused: {} problems", id, input.sourceForReport(), problems.errorCount());
    return report(input.sourceForReport(), ImportReport.Status.FAILED, Counts.ZERO, problems);
  }

  /** An input that could not be opened; the report names the format that refused it, if one did. */
  ImportReport notOpened(String source, OpenedInput.Refused refusal) {
    this.format = refusal.format();
    return refused(source, refusal.location(), refusal.message());
  }

  /** An input that failed while being read (not because of what it holds). */
  ImportReport unreadable(String source, String location, Exception e) {
    LOG.warn("import {} could not read its input", id, e);
    return refused(source, location, "cannot read the input (the log says why, under import " + id + ")");
  }

  /** A failed report with one problem. */
  ImportReport refused(String source, String location, String message) {
    Problems problems = new Problems(1);
    problems.error(Problems.TOP, location, message);
    return report(source, ImportReport.Status.FAILED, Counts.ZERO, problems);
  }

  private ImportReport report(String source, ImportReport.Status status, Counts counts, Problems problems) {
    long ms = (System.nanoTime() - started) / 1_000_000;
    return new ImportReport(id, source, format, status, counts, messages(problems.warnings()),
        messages(problems.errors()), problems.errorCount(), ms);
  }

  private static List<ImportMessage> messages(List<Problems.Message> found) {
    return found.stream().map(m -> new ImportMessage(m.location(), m.message())).toList();
  }
}
