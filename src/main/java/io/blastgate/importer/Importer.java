package io.blastgate.importer;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.graph.Rows;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.importer.input.OpenedInput;
import io.blastgate.importer.input.SourceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one source's input, in any registered format (today the canonical bundle: a JSON file, a
 * folder of CSV files, or a .zip of either): opens it through the formats, then checks it whole,
 * writes it, and retracts what the source asserted before and asserts no more. An input with any
 * problem writes nothing and is answered with every problem and where it is.
 *
 * <p>Memory stays bounded whatever the input's size: the first pass streams the input and keeps an
 * index of ids and the references not yet resolved; the second streams it again and writes batches.
 */
public final class Importer {
  private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
  private final Graph graph;
  private final ImportSettings settings;
  private final Vocabulary vocabulary;
  private final EntityReader reader;
  private final InputFormats formats;

  /** An importer of every registered format ({@link InputFormats#REGISTERED}). */
  public Importer(Graph graph, ImportSettings settings) {
    this(graph, settings, InputFormats.REGISTERED);
  }

  /** An importer of the formats given, asked in their order (a test registers a format of its own). */
  public Importer(Graph graph, ImportSettings settings, List<InputFormat> formats) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.formats = new InputFormats(formats, GraphRepositoryWorkloads.in(graph));
    this.vocabulary = Vocabulary.get();
    this.reader = new EntityReader(vocabulary);
  }

  /** Where imports in parts keep their journal's copy of the input. */
  public Path journalDir() {
    return settings.journalDir();
  }

  /** The names of the formats this importer reads, in the order it asks them. */
  public List<String> formatNames() {
    return formats.names();
  }

  /** The names of every registered format's options ({@code cluster}, …), sorted. */
  public java.util.SortedSet<String> optionNames() {
    return formats.optionNames();
  }

  /** Whether a name may name a source (for callers that check a request before importing). */
  public static boolean isValidSourceName(String name) {
    return SourceInput.validSourceName(name);
  }

  /**
   * A file, a folder, or a .zip holding either, read as the first registered format that recognises
   * it. {@code source} names the source (an input that names its own source must then agree; a CSV
   * folder defaults to its folder's name). Problems with the input come back as a failed report; a
   * graph that cannot be reached or a write that fails throws, and leaves the graph as it was.
   */
  public ImportReport importPath(Path path, Optional<String> source, ImportProgress progress) {
    return importPath(path, InputFormats.nameOf(path), source, progress);
  }

  /**
   * As {@link #importPath(Path, Optional, ImportProgress)}, with problems naming the input as a whole
   * {@code shown}: empty for an upload, whose file is the server's own business (its temporary name
   * is never shown); an archive's entries are then named by their paths inside it.
   */
  public ImportReport importPath(Path path, String shown, Optional<String> source, ImportProgress progress) {
    return importPath(path, shown, source, InputChoice.DETECT, progress);
  }

  /**
   * As {@link #importPath(Path, String, Optional, ImportProgress)}, read as the format {@code choice}
   * names (else the one recognised from the input) with that format's options ({@code cluster}).
   */
  public ImportReport importPath(Path path, String shown, Optional<String> source, InputChoice choice,
      ImportProgress progress) {
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shown, "shown");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    try {
      return run(path, shown, source, choice, progress, settings, null);
    } catch (ImportRun.PublishingFailed e) {
      // The graph is between two states and readers wait: finish the run now rather than at start-up.
      LOG.warn("import {} failed while being published in parts ({}); finishing it from its journal", e.runId(),
          e.failure().toString());
      try {
        for (ImportReport finished : finishOpenJournals()) {
          if (finished.runId().equals(e.runId())) {
            return finished;
          }
        }
      } catch (RuntimeException again) {
        LOG.error("import {} could not be finished either; the graph stays marked as being published (readers"
            + " wait) until start-up finishes it", e.runId(), again);
        e.failure().addSuppressed(again);
      }
      throw e.failure();
    }
  }

  /**
   * Finishes every import that a crash stopped while it was being published in parts, forward, from
   * its journal, as the same run (the graph ends as that run would have left it, and the source's
   * record says {@code recovered: forward}); then deletes the journal folder's leftovers. Start-up
   * calls this before anything reads, and an import that fails while being published calls it at once.
   * Throws when a journal's copy of its input is gone: the graph is then between two states, and
   * readers wait rather than see it.
   */
  public List<ImportReport> finishInterrupted() {
    Set<String> runs = graph.readAnyState(ImporterQuery.OPEN_JOURNALS, Map.of(), Rows::list).stream()
        .map(r -> r.text("run")).collect(Collectors.toSet());
    try {
      for (ImportJournal.Leftover left : ImportJournal.removeStale(settings.journalDir(), runs)) {
        recordStoppedBeforePublishing(left);
      }
    } catch (IOException e) {
      LOG.warn("could not clear the import journal folder {}: {}", settings.journalDir(), e.toString());
    }
    return finishOpenJournals();
  }

  /**
   * A run's copy with no journal: it was stopped before it began publishing (its source's record says
   * so: {@code recovered: back}), or just after it was published (nothing to say).
   */
  private void recordStoppedBeforePublishing(ImportJournal.Leftover left) {
    if (left.source() == null) {
      return;
    }
    Map<String, Object> params = Map.of("source", left.source(), "run", left.runId(),
        "now", OffsetDateTime.now(ZoneOffset.UTC));
    boolean stopped = graph.write(ImporterQuery.RECORD_STOPPED_RUN, params, r -> r.single().flag("stopped"));
    if (stopped) {
      LOG.warn("import {} of source '{}' was stopped before it was published (the process ended): the graph is"
          + " as before it (back)", left.runId(), left.source());
    }
  }

  private List<ImportReport> finishOpenJournals() {
    List<Row> open = graph.readAnyState(ImporterQuery.OPEN_JOURNALS, Map.of(), Rows::list);
    List<ImportReport> finished = new java.util.ArrayList<>();
    for (Row journal : open) {
      RunIdentity run = new RunIdentity(journal.text("run"), journal.text("source"),
          OffsetDateTime.ofInstant(journal.instantOrNull("now"), ZoneOffset.UTC));
      Path input = Path.of(journal.text("input"));
      String what = "import " + run.id() + " of source '" + run.source() + "'";
      if (!Files.exists(input)) {
        throw new InvalidConfiguration("the graph", List.of(what + " was stopped while it was being published,"
            + " and its journal's copy of the input (" + input + ") is gone, so it cannot be finished; the graph"
            + " stays marked as being published and readers wait"));
      }
      LOG.warn("{} was stopped while it was being published (the process ended); finishing it from its journal",
          what);
      // The copy is named as an upload is: by nothing (its file is the program's own), entries by their paths.
      // Read as the run read it: its format, with the options it was asked with (its cluster, …).
      InputChoice choice = new InputChoice(Optional.ofNullable(journal.textOrNull("format")),
          ImportJournal.optionsOf(journal.textsOrEmpty("options")));
      ImportReport report = run(input, "", Optional.of(run.source()), choice, ImportProgress.none(),
          settings.withIncremental(false), new ImportRun.Resuming(run, input));
      if (!report.succeeded()) {
        throw new InvalidConfiguration("the graph", List.of(what + " was stopped while it was being published,"
            + " and its journal's copy of the input no longer imports: " + report.errors()));
      }
      LOG.warn("{} finished from its journal: the graph is as after it (forward)", what);
      finished.add(report);
    }
    return finished;
  }

  private ImportReport run(Path path, String shown, Optional<String> source, InputChoice choice,
      ImportProgress progress, ImportSettings with, ImportRun.Resuming resuming) {
    ImportRun run = new ImportRun(graph, with, reader, progress, path, choice.options(), this::reopen, resuming);
    if (source.isPresent() && !isValidSourceName(source.get())) {
      return run.refused(source.get(), "source",
          "'" + source.get() + "' is not a valid source name: " + SourceInput.sourceNameRule());
    }
    try (OpenedInput opened =
        formats.open(path, shown, source, vocabulary, choice, settings.maxZipBytes(),
            () -> progress.phase("unpack", -1))) {
      return switch (opened) {
        case OpenedInput.Refused refused -> run.notOpened(source.orElse(""), refused);
        case OpenedInput.Ready ready -> run.load(ready.format(), ready.input());
      };
    } catch (IOException | UncheckedIOException e) {
      return run.unreadable(source.orElse(""), shown, e);
    }
  }

  private OpenedInput reopen(Path path, String source, InputChoice choice) throws IOException {
    OpenedInput opened = formats.open(path, "", Optional.of(source), vocabulary, choice, settings.maxZipBytes(),
        () -> {});
    if (opened instanceof OpenedInput.Refused refused) {
      opened.close();
      throw new IOException("the journal's copy of the input does not open: " + refused.message());
    }
    return opened;
  }
}
