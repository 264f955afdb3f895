package io.blastgate.importer;

import io.blastgate.graph.BulkLoad;
import io.blastgate.graph.GraphConnection;
import io.blastgate.graph.GraphSettings;
import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.importer.input.OpenedInput;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first import of a source into an empty embedded database, written by Neo4j's offline importer
 * ({@link BulkLoad}) instead of transactions: far faster, and for a first load only. It reads the same
 * formats, runs the same first pass ({@link FirstPass}: every entity checked against the model, every
 * reference resolved, inside the input since the database holds nothing) and answers a refused input
 * with the same report as {@link Importer#importPath}, having written nothing. A valid input is
 * streamed again into the loader ({@link BulkEntities}: the properties, provenance and source record
 * that a transactional import writes); then the database is opened once as the program opens it, so
 * that the migrations build its schema, and closed.
 *
 * <p>A remote graph, or a database that holds any node besides its migrations, is refused before the
 * input is read (the one-line errors of {@link BulkLoad#into}).
 */
public final class InitialLoad {
  private static final Logger LOG = LoggerFactory.getLogger(InitialLoad.class);

  private final ImportSettings settings;
  private final Vocabulary vocabulary = Vocabulary.get();
  private final EntityReader reader = new EntityReader(vocabulary);
  private final InputFormats formats;

  /** A loader of every registered format, refusing and reporting as {@code settings} say. */
  public InitialLoad(ImportSettings settings) {
    this(settings, InputFormats.REGISTERED);
  }

  /** A loader of the formats given, asked in their order. */
  public InitialLoad(ImportSettings settings, List<InputFormat> formats) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.formats = new InputFormats(formats);
  }

  /**
   * Loads a file, a folder or a .zip (as {@link Importer#importPath} reads it) into the empty embedded
   * database of {@code graph}. A refused input comes back as a failed report; a refused database
   * throws.
   */
  public ImportReport load(GraphSettings graph, Path path, Optional<String> source, ImportProgress progress) {
    return load(graph, path, source, InputChoice.DETECT, progress);
  }

  /** As {@link #load(GraphSettings, Path, Optional, ImportProgress)}, read as {@code choice} says (a format, its options). */
  public ImportReport load(GraphSettings graph, Path path, Optional<String> source, InputChoice choice,
      ImportProgress progress) {
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    Run run = new Run();
    if (source.isPresent() && !Importer.isValidSourceName(source.get())) {
      return run.refused(source.get(), "source",
          "'" + source.get() + "' is not a valid source name: " + SourceInput.sourceNameRule());
    }
    progress.phase("check the database", -1);
    BulkLoad target = BulkLoad.into(graph);
    try (OpenedInput opened =
        formats.open(path, InputFormats.nameOf(path), source, vocabulary, choice, settings.maxZipBytes(),
            () -> progress.phase("unpack", -1))) {
      return switch (opened) {
        case OpenedInput.Refused refused -> {
          run.format = refused.format();
          yield run.refused(source.orElse(""), refused.location(), refused.message());
        }
        case OpenedInput.Ready ready -> {
          run.format = ready.format();
          yield run.load(ready.input(), target, graph, progress);
        }
      };
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("load {} could not read its input", run.id, e);
      return run.refused(source.orElse(""), InputFormats.nameOf(path),
          "cannot read the input: " + e.getClass().getSimpleName());
    }
  }

  private record Checked(FirstPass read, String source) {}

  /** One call of {@link #load}: its run id, its clock and its format, once known. */
  private final class Run {
    private final String id = UUID.randomUUID().toString();
    private final long started = System.nanoTime();
    private String format = InputFormats.CANONICAL;

    ImportReport load(SourceInput input, BulkLoad target, GraphSettings graph, ImportProgress progress)
        throws IOException {
      Problems problems = new Problems(settings.maxReportedErrors());
      Checked checked = check(input, problems, progress);
      if (checked.source() == null || problems.hasErrors()) {
        LOG.info("load {} of source {} refused: {} problems", id, input.sourceForReport(), problems.errorCount());
        return report(input.sourceForReport(), ImportReport.Status.FAILED, Counts.ZERO, problems);
      }
      String source = checked.source();
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
      BulkEntities entities = new BulkEntities(input, reader, checked.read().expected(), source, id, now);
      // The importer tells its percentage done; the progress counts rows, like an import's.
      long rows = entities.counts().entities() + entities.counts().relationships();
      progress.phase("load", rows);
      long[] done = {0};
      target.write(entities, percent -> {
        long reached = rows * Math.min(percent, 100) / 100;
        if (reached > done[0]) {
          progress.advance(reached - done[0]);
          done[0] = reached;
        }
      });
      progress.phase("schema", -1);
      try (GraphConnection opened = GraphConnection.open(graph)) {
        opened.graph().awaitSearchIndex();
      }
      Counts counts = entities.counts();
      LOG.info("load {} of source {} wrote {} entities and {} relationships", id, source, counts.entities(),
          counts.relationships());
      return report(source, ImportReport.Status.SUCCEEDED, counts, problems);
    }

    /**
     * The first pass and the references resolved, inside the input since the database holds nothing;
     * the index it needed is garbage once this returns, before the load. The source is null when the
     * input has no valid one.
     */
    private Checked check(SourceInput input, Problems problems, ImportProgress progress) throws IOException {
      BundleIndex index = new BundleIndex(input.locations(), problems);
      FirstPass read = FirstPass.read(input, reader, index, problems, progress);
      // After malformed JSON, what was not reached (format, source, references) is not reported.
      String source = read.complete() ? input.source(problems) : null;
      if (read.complete()) {
        progress.phase("resolve", index.size());
        index.resolve(EntityLookup.NOWHERE, settings.batchSize(), source);
      }
      return new Checked(read, source);
    }

    /** A failed report with one problem. */
    ImportReport refused(String source, String location, String message) {
      Problems problems = new Problems(1);
      problems.error(Problems.TOP, location, message);
      return report(source, ImportReport.Status.FAILED, Counts.ZERO, problems);
    }

    private ImportReport report(String source, ImportReport.Status status, Counts counts, Problems problems) {
      return new ImportReport(id, source, format, status, counts, messages(problems.warnings()),
          messages(problems.errors()), problems.errorCount(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static List<ImportMessage> messages(List<Problems.Message> found) {
    return found.stream().map(m -> new ImportMessage(m.location(), m.message())).toList();
  }
}
