package io.blastgate.importer.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One source format the importer reads: its name, how to recognise its input, and how to open it as
 * a {@link SourceInput}. A format is registered by one line in {@link InputFormats#REGISTERED}; the
 * importer, and the unpacking of a .zip, need nothing else from it.
 */
public interface InputFormat {
  /** What a format is asked to recognise. */
  enum Form {
    /** A file given as it is (not a .zip: an archive is unpacked first). */
    FILE,
    /** A folder given as it is. */
    FOLDER,
    /** The folder an archive unpacked into, or its one sub-folder when the archive was made of one. */
    ARCHIVE_ROOT
  }

  /**
   * What an input is opened with besides its path.
   *
   * @param inputName what the input is called: the file's or folder's name; for an archive, the name
   *     of its one folder, or of the archive without its extension when its files lie at its root. A
   *     format whose files do not name their source names it after this.
   * @param requestedSource the source the import was asked for, which the input must then be
   * @param shape the canonical entity's fields, for a reader that must know them
   * @param options the format's own options, by name ({@code cluster} for Kubernetes manifests), as
   *     the command line's {@code --option name=value} and the API's query parameters give them; each
   *     format documents its own and refuses those it does not know
   * @param workloads the workloads already in the graph, by repository, for a format that joins to
   *     them (CODEOWNERS); {@link RepositoryWorkloads#NONE} when the database holds nothing yet
   */
  record Opening(Form form, String inputName, Optional<String> requestedSource, CanonicalShape shape,
      Map<String, String> options, RepositoryWorkloads workloads) {
    public Opening {
      options = Map.copyOf(options);
      java.util.Objects.requireNonNull(workloads, "workloads");
    }

    public Opening(Form form, String inputName, Optional<String> requestedSource, CanonicalShape shape,
        Map<String, String> options) {
      this(form, inputName, requestedSource, shape, options, RepositoryWorkloads.NONE);
    }

    public Opening(Form form, String inputName, Optional<String> requestedSource, CanonicalShape shape) {
      this(form, inputName, requestedSource, shape, Map.of());
    }
  }

  /** An input this format recognised but refuses as a whole, with why (a sentence for the report). */
  final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    public Refusal(String message) {
      super(message);
    }
  }

  /** The format's name, as a report gives it ({@code bundle}). */
  String name();

  /** Whether {@code path}, given as {@code form}, holds this format's input. Looks, never reads it whole. */
  boolean recognises(Path path, Form form) throws IOException;

  /** Opens {@code path}, which this format recognised; reading starts only when the importer reads it. */
  SourceInput open(Path path, Opening opening) throws IOException, Refusal;

  /** The names of the options this format reads from {@link Opening#options()}; another is refused. */
  default java.util.Set<String> optionNames() {
    return java.util.Set.of();
  }

  /**
   * What an archive's root holds when this format recognises it, each as a noun phrase ({@code
   * bundle.json}), for the message that names what an archive no format recognised should hold.
   */
  List<String> archiveHolds();
}
