package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.importer.input.OpenedInput;
import io.blastgate.importer.input.SourceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    this.formats = new InputFormats(formats);
    this.vocabulary = Vocabulary.get();
    this.reader = new EntityReader(vocabulary);
  }

  /** The names of the formats this importer reads, in the order it asks them. */
  public List<String> formatNames() {
    return formats.names();
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
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shown, "shown");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    ImportRun run = new ImportRun(graph, settings, reader, progress);
    if (source.isPresent() && !isValidSourceName(source.get())) {
      return run.refused(source.get(), "source",
          "'" + source.get() + "' is not a valid source name: " + SourceInput.sourceNameRule());
    }
    try (OpenedInput opened =
        formats.open(path, shown, source, vocabulary, settings.maxZipBytes(), () -> progress.phase("unpack", -1))) {
      return switch (opened) {
        case OpenedInput.Refused refused -> run.notOpened(source.orElse(""), refused);
        case OpenedInput.Ready ready -> run.load(ready.format(), ready.input());
      };
    } catch (IOException | UncheckedIOException e) {
      return run.unreadable(source.orElse(""), shown, e);
    }
  }
}
