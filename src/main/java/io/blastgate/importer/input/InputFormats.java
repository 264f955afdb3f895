package io.blastgate.importer.input;

import io.blastgate.importer.input.InputFormat.Form;
import io.blastgate.importer.input.InputFormat.Opening;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registered source formats, and the opening of an input through them: a file or a folder is
 * offered to each format in turn; a .zip is unpacked first, with its limits, and its root offered the
 * same way, so that every registered format is read inside a .zip too, with nothing added here.
 */
public final class InputFormats {
  /**
   * Every format the importer reads, asked in this order: the first that recognises an input opens it.
   * A new format goes before the bundle: given a file or a folder as it is, the bundle takes whatever
   * no format before it recognised, and its readers then say what is wrong with it.
   */
  public static final List<InputFormat> REGISTERED = List.of(
      new io.blastgate.importer.input.aws.AwsIamFormat(), new BackstageFormat(), new KubernetesFormat(),
      new CodeownersFormat(), new BundleFormat());

  /**
   * The format a report names when no format opened its input: the canonical bundle, the shape every
   * reader's entities are in.
   */
  public static final String CANONICAL = BundleFormat.NAME;

  private final List<InputFormat> formats;
  private final RepositoryWorkloads workloads;

  /** {@link #REGISTERED} in production; a test may register a format of its own. Joins to no workload. */
  public InputFormats(List<InputFormat> formats) {
    this(formats, RepositoryWorkloads.NONE);
  }

  /** As {@link #InputFormats(List)}, handing every opening the graph's {@code workloads} to join to. */
  public InputFormats(List<InputFormat> formats, RepositoryWorkloads workloads) {
    this.formats = List.copyOf(formats);
    this.workloads = java.util.Objects.requireNonNull(workloads, "workloads");
  }

  /**
   * Opens {@code path}, a file, a folder or a .zip of either, as the first format that recognises it.
   * {@code shown} is how problems name the input as a whole (its file's or folder's name; empty for
   * an upload, which has no name of its own); an archive's entries are named by their paths inside
   * it, after {@code shown!} when there is a name. {@code unpacking} runs before a .zip is unpacked
   * (into at most {@code maxZipBytes}). An input that cannot be opened is {@link OpenedInput.Refused}
   * with its one problem; failing I/O throws.
   */
  public OpenedInput open(Path path, String shown, Optional<String> requestedSource, CanonicalShape shape,
      long maxZipBytes, Runnable unpacking) throws IOException {
    return open(path, shown, requestedSource, shape, InputChoice.DETECT, maxZipBytes, unpacking);
  }

  /**
   * As {@link #open(Path, String, Optional, CanonicalShape, long, Runnable)}, read as the format that
   * {@code choice} names (else the first that recognises it), with the format's options.
   */
  public OpenedInput open(Path path, String shown, Optional<String> requestedSource, CanonicalShape shape,
      InputChoice choice, long maxZipBytes, Runnable unpacking) throws IOException {
    Map<String, String> options = choice.options();
    if (choice.format().isPresent() && !names().contains(choice.format().get())) {
      return new OpenedInput.Refused(CANONICAL, "format", "unknown format '" + choice.format().get()
          + "' (the formats are " + String.join(", ", names()) + ")");
    }
    if (Files.isDirectory(path)) {
      return offer(path, new Opening(Form.FOLDER, shown, requestedSource, shape, options, workloads), shown, null, choice);
    }
    if (!Files.isRegularFile(path)) {
      return new OpenedInput.Refused(CANONICAL, shown, "no such file or folder");
    }
    if (!ZipArchive.isZip(path)) {
      return offer(path, new Opening(Form.FILE, shown, requestedSource, shape, options, workloads), shown, null, choice);
    }
    unpacking.run();
    ZipArchive archive;
    try {
      archive = ZipArchive.unpack(path, maxZipBytes);
    } catch (ZipArchive.Refused e) {
      return new OpenedInput.Refused(CANONICAL, entry(shown, e.entry()), e.getMessage());
    }
    try {
      Path root = archive.root();
      String name = root.equals(archive.folder()) ? stem(shown) : root.getFileName().toString();
      OpenedInput opened =
          offer(root, new Opening(Form.ARCHIVE_ROOT, name, requestedSource, shape, options, workloads), shown, archive, choice);
      if (opened instanceof OpenedInput.Refused) {
        archive.close();
      }
      return opened;
    } catch (IOException | RuntimeException e) {
      archive.close();
      throw e;
    }
  }

  /** An archive's entry as a location: {@code upload.zip!../x}, or {@code ../x} for an upload. */
  private static String entry(String archive, String entry) {
    if (entry.isEmpty()) {
      return archive;
    }
    return archive.isEmpty() ? entry : archive + "!" + entry;
  }

  /** The names of the formats' options, sorted. */
  public java.util.SortedSet<String> optionNames() {
    java.util.SortedSet<String> names = new TreeSet<>();
    formats.forEach(f -> names.addAll(f.optionNames()));
    return names;
  }

  /** The formats' names, in the order they are asked. */
  public List<String> names() {
    return formats.stream().map(InputFormat::name).toList();
  }

  /** The name an input is shown by in a report: its file's or folder's own name. */
  public static String nameOf(Path path) {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }

  private OpenedInput offer(Path path, Opening opening, String shown, ZipArchive unpacked, InputChoice choice)
      throws IOException {
    for (InputFormat format : formats) {
      boolean chosen = choice.format().map(format.name()::equals).orElse(false);
      if (choice.format().isPresent() && !chosen) {
        continue;
      }
      // A format named for a file reads it and says what is wrong with it; a folder or an archive must
      // still hold its input, so that one of something else is not read as an empty source.
      if (chosen && opening.form() == Form.FILE || format.recognises(path, opening.form())) {
        for (String option : new TreeSet<>(opening.options().keySet())) {
          if (!format.optionNames().contains(option)) {
            return new OpenedInput.Refused(format.name(), option, "the " + format.name() + " format has no option '"
                + option + "'" + (format.optionNames().isEmpty() ? " (it takes none)"
                    : " (its options: " + String.join(", ", new TreeSet<>(format.optionNames())) + ")"));
          }
        }
        try {
          return new OpenedInput.Ready(format.name(), format.open(path, opening), unpacked);
        } catch (InputFormat.Refusal e) {
          return new OpenedInput.Refused(format.name(), shown, e.getMessage());
        }
      }
    }
    return new OpenedInput.Refused(CANONICAL, shown, unrecognised(opening.form()));
  }

  private String unrecognised(Form form) {
    return switch (form) {
      case ARCHIVE_ROOT -> "the archive holds neither "
          + formats.stream().flatMap(f -> f.archiveHolds().stream()).collect(Collectors.joining(" nor "));
      case FILE, FOLDER -> "no format reads this " + (form == Form.FILE ? "file" : "folder") + " (the formats are "
          + formats.stream().map(InputFormat::name).collect(Collectors.joining(", ")) + ")";
    };
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
