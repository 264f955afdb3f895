package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the canonical bundle (a JSON file, a folder of CSV files, or a .zip of either) as one
 * source: checks it whole, writes it, then retracts what the source asserted before and asserts no
 * more. A bundle with any problem writes nothing and is answered with every problem and where it is.
 *
 * <p>Memory stays bounded whatever the bundle's size: the first pass streams the input and keeps an
 * index of ids and the references not yet resolved; the second streams it again and writes batches.
 */
public final class Importer {
  private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
  private static final String BUNDLE_JSON = "bundle.json";

  /**
   * The sources being imported in this process. Two imports of one source at once would each retract
   * what the other wrote (sync keeps one run per source), so the second is refused until the first
   * ends. Imports of different sources run side by side.
   */
  private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

  private final Graph graph;
  private final ImportSettings settings;
  private final EntityReader reader;
  private final Vocabulary vocabulary;

  public Importer(Graph graph, ImportSettings settings) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.vocabulary = Vocabulary.get();
    this.reader = new EntityReader(vocabulary);
  }

  /** Whether a name may name a source (for callers that check a request before importing). */
  public static boolean isValidSourceName(String name) {
    return BundleInput.validSourceName(name);
  }

  /**
   * A JSON bundle file, a CSV folder, or a .zip holding either; dispatches on what it is. {@code
   * source} names the source (a JSON bundle's own {@code source} must then agree; a CSV folder
   * defaults to its folder's name). Problems with the input come back as a failed report; a graph
   * that cannot be reached or a write that fails throws, and leaves the graph as it was.
   */
  public ImportReport importPath(Path fileOrFolder, Optional<String> source, ImportProgress progress) {
    Objects.requireNonNull(fileOrFolder, "fileOrFolder");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    Run run = new Run(UUID.randomUUID().toString(), System.nanoTime(), progress);
    String shown = fileOrFolder.getFileName() == null ? fileOrFolder.toString() : fileOrFolder.getFileName().toString();
    if (source.isPresent() && !isValidSourceName(source.get())) {
      return run.failed(source.get(), "source", "'" + source.get() + "' is not a valid source name: " + BundleInput.sourceRule());
    }
    try {
      if (Files.isDirectory(fileOrFolder)) {
        return run.importInput(new CsvFolder(fileOrFolder, source, shown, vocabulary));
      }
      if (!Files.isRegularFile(fileOrFolder)) {
        return run.failed(source.orElse(""), shown, "no such file or folder");
      }
      if (ZipArchive.isZip(fileOrFolder)) {
        return run.importZip(fileOrFolder, shown, source);
      }
      return run.importInput(new JsonBundle(fileOrFolder, source));
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("import {} could not read its input", run.id, e);
      return run.failed(source.orElse(""), shown, "cannot read the input: " + e.getClass().getSimpleName());
    }
  }

  /** One call of {@link #importPath}: its id, clock and progress. */
  private final class Run {
    private final String id;
    private final long started;
    private final ImportProgress progress;

    Run(String id, long started, ImportProgress progress) {
      this.id = id;
      this.started = started;
      this.progress = progress;
    }

    ImportReport importZip(Path zip, String shown, Optional<String> source) throws IOException {
      progress.phase("unpack", -1);
      ZipArchive archive;
      try {
        archive = ZipArchive.unpack(zip, settings.maxZipBytes());
      } catch (ZipArchive.Refused e) {
        return failed(source.orElse(""), e.entry().isEmpty() ? shown : shown + "!" + e.entry(), e.getMessage());
      }
      try (archive) {
        Path root = archive.bundleRoot();
        boolean json = Files.isRegularFile(root.resolve(BUNDLE_JSON));
        boolean csv = CsvFolder.looksLikeBundle(root);
        if (json && csv) {
          return failed(source.orElse(""), shown, "the archive holds both bundle.json and CSV files; send one or the other");
        }
        if (json) {
          return importInput(new JsonBundle(root.resolve(BUNDLE_JSON), source));
        }
        if (csv) {
          String name = root.equals(archive.folder()) ? stem(shown) : root.getFileName().toString();
          return importInput(new CsvFolder(root, source, name, vocabulary));
        }
        return failed(source.orElse(""), shown, "the archive holds neither bundle.json nor any of "
            + String.join(", ", CsvFolder.fileNames()));
      }
    }

    ImportReport importInput(BundleInput input) throws IOException {
      Problems problems = new Problems(settings.maxReportedErrors());
      BundleIndex index = new BundleIndex(input.locations(), problems);
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
      // After malformed JSON, what was not reached (format, source, references) is not reported.
      String source = complete ? input.source(problems) : null;
      if (source != null && !problems.hasErrors()) {
        if (!RUNNING.add(source)) {
          LOG.info("import {} of source {} refused: another import of it is running", id, source);
          return failed(source, "source", "another import of source '" + source + "' is running;"
              + " nothing was written: send this one again when it has finished");
        }
        try {
          return resolveAndWrite(input, index, problems, source, entities, relationships[0]);
        } finally {
          RUNNING.remove(source);
        }
      }
      if (complete) {
        progress.phase("resolve", index.size());
        index.resolve(graph, settings.batchSize(), source);
      }
      return refused(input, problems);
    }

    private ImportReport refused(BundleInput input, Problems problems) {
      LOG.info("import {} of source {} refused: {} problems", id, input.sourceForReport(), problems.errorCount());
      return report(input.sourceForReport(), ImportReport.Status.FAILED, Counts.ZERO, problems);
    }

    private ImportReport resolveAndWrite(BundleInput input, BundleIndex index, Problems problems,
        String source, Map<Label, Long> entities, long relationships) {
      progress.phase("resolve", index.size());
      index.resolve(graph, settings.batchSize(), source);
      if (problems.hasErrors()) {
        return refused(input, problems);
      }
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
      ImportSettings writing = settings;
      long rows = entities.values().stream().mapToLong(Long::longValue).sum() + relationships;
      if (settings.atomic() && rows > settings.atomicRowLimit()) {
        // One transaction this large would hold it all in Neo4j's memory, and fail on its limit.
        writing = settings.withCommitEvery(ImportSettings.PART_ROWS);
        problems.warning(Problems.TOP, "/",
            "this import has " + rows + " rows, more than one transaction takes ("
                + settings.atomicRowLimit() + "): it was committed in parts of "
                + ImportSettings.PART_ROWS + " rows, so a reader may have seen it partly written;"
                + " what the source no longer asserts was removed only after every part succeeded");
      }
      Counts counts = new GraphWriter(graph, writing, reader, progress, source, id, now, index::isNew)
          .write(input, new GraphWriter.Expected(entities, relationships));
      LOG.info("import {} of source {} wrote {} entities and {} relationships, removed {} nodes and {} relationships",
          id, source, counts.entities(), counts.relationships(), counts.removedNodes(), counts.removedRelationships());
      return report(source, ImportReport.Status.SUCCEEDED, counts, problems);
    }

    ImportReport failed(String source, String location, String message) {
      Problems problems = new Problems(1);
      problems.error(Problems.TOP, location, message);
      return report(source, ImportReport.Status.FAILED, Counts.ZERO, problems);
    }

    private ImportReport report(String source, ImportReport.Status status, Counts counts, Problems problems) {
      long ms = (System.nanoTime() - started) / 1_000_000;
      return new ImportReport(id, source, BundleInput.FORMAT, status, counts, problems.warnings(),
          problems.errors(), problems.errorCount(), ms);
    }
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
