package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.importer.input.OpenedInput;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  /** What the first pass found: whether it read the input to its end, and what the second must meet. */
  private record FirstPass(boolean complete, GraphWriter.Expected expected) {}

  private final String id = UUID.randomUUID().toString();
  private final long started = System.nanoTime();
  private final Graph graph;
  private final ImportSettings settings;
  private final EntityReader reader;
  private final ImportProgress progress;
  /** The format of the input, once one opened it; the canonical one before. */
  private String format = InputFormats.CANONICAL;

  ImportRun(Graph graph, ImportSettings settings, EntityReader reader, ImportProgress progress) {
    this.graph = graph;
    this.settings = settings;
    this.reader = reader;
    this.progress = progress;
  }

  /** Imports an opened input: every step below, in order; any problem stops it before the write. */
  ImportReport load(String format, SourceInput input) throws IOException {
    this.format = format;
    Problems problems = new Problems(settings.maxReportedErrors());
    BundleIndex index = new BundleIndex(input.locations(), problems);
    FirstPass read = validate(input, index, problems);
    // After malformed JSON, what was not reached (format, source, references) is not reported.
    String source = read.complete() ? input.source(problems) : null;
    if (source == null || problems.hasErrors()) {
      if (read.complete()) {
        resolve(index, source);
      }
      return refused(input, problems);
    }
    if (!RUNNING.add(source)) {
      LOG.info("import {} of source {} refused: another import of it is running", id, source);
      return refused(source, "source", "another import of source '" + source + "' is running;"
          + " nothing was written: send this one again when it has finished");
    }
    try {
      resolve(index, source);
      if (problems.hasErrors()) {
        return refused(input, problems);
      }
      return write(input, index, read.expected(), source, problems);
    } finally {
      RUNNING.remove(source);
    }
  }

  /** The first pass: checks every entity and keeps the index; counts what the second pass must write. */
  private FirstPass validate(SourceInput input, BundleIndex index, Problems problems) throws IOException {
    Map<Label, Long> entities = new EnumMap<>(Label.class);
    long[] relationships = {0};
    progress.phase("validate", -1);
    boolean complete = input.read((label, position, fields) -> {
      ParsedEntity entity = reader.read(label, position, fields, input.locations(), problems);
      if (entity != null) {
        index.add(entity);
        entities.merge(label, 1L, Long::sum);
        relationships[0] += entity.refs().size();
      }
      progress.advance(1);
    }, problems);
    return new FirstPass(complete, new GraphWriter.Expected(entities, relationships[0]));
  }

  /** {@code source} null: the input has no valid one (see {@link BundleIndex#resolve}). */
  private void resolve(BundleIndex index, String source) {
    progress.phase("resolve", index.size());
    index.resolve(graph, settings.batchSize(), source);
  }

  private ImportReport write(SourceInput input, BundleIndex index, GraphWriter.Expected expected, String source,
      Problems problems) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    ImportSettings writing = partsIfTooLarge(expected, problems);
    Counts counts = new GraphWriter(graph, writing, reader, progress, source, id, now, index::isNew)
        .write(input, expected);
    LOG.info("import {} of source {} wrote {} entities and {} relationships, removed {} nodes and {} relationships",
        id, source, counts.entities(), counts.relationships(), counts.removedNodes(), counts.removedRelationships());
    return report(source, ImportReport.Status.SUCCEEDED, counts, problems);
  }

  /** The settings to write with: an atomic import too large for one transaction commits in parts, and says so. */
  private ImportSettings partsIfTooLarge(GraphWriter.Expected expected, Problems problems) {
    long rows = expected.totalEntities() + expected.relationships();
    if (!settings.atomic() || rows <= settings.atomicRowLimit()) {
      return settings;
    }
    // One transaction this large would hold it all in Neo4j's memory, and fail on its limit.
    problems.warning(Problems.TOP, "/",
        "this import has " + rows + " rows, more than one transaction takes ("
            + settings.atomicRowLimit() + "): it was committed in parts of "
            + ImportSettings.PART_ROWS + " rows, so a reader may have seen it partly written;"
            + " what the source no longer asserts was removed only after every part succeeded");
    return settings.withCommitEvery(ImportSettings.PART_ROWS);
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
