package io.blastgate.importer.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The canonical bundle ({@code importers/bundle/README.md}): one JSON document, read by {@link
 * JsonBundle}, or the same as a folder of CSV files, read by {@link CsvFolder}, or a .zip of either.
 */
final class BundleFormat implements InputFormat {
  static final String NAME = "bundle";
  private static final String BUNDLE_JSON = "bundle.json";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Given as it is, any file is taken for a JSON bundle and any folder for a CSV one (registered last,
   * the bundle takes what no other format recognised, and its readers say what is wrong with it). An
   * archive is one only if it holds {@code bundle.json} or a CSV file of the bundle.
   */
  @Override
  public boolean recognises(Path path, Form form) {
    return switch (form) {
      case FILE, FOLDER -> true;
      case ARCHIVE_ROOT -> Files.isRegularFile(path.resolve(BUNDLE_JSON)) || CsvFolder.looksLikeBundle(path);
    };
  }

  @Override
  public SourceInput open(Path path, Opening opening) throws Refusal {
    return switch (opening.form()) {
      case FILE -> new JsonBundle(path, opening.requestedSource());
      case FOLDER -> csv(path, opening);
      case ARCHIVE_ROOT -> {
        boolean json = Files.isRegularFile(path.resolve(BUNDLE_JSON));
        if (json && CsvFolder.looksLikeBundle(path)) {
          throw new Refusal("the archive holds both bundle.json and CSV files; send one or the other");
        }
        yield json ? new JsonBundle(path.resolve(BUNDLE_JSON), opening.requestedSource()) : csv(path, opening);
      }
    };
  }

  private static CsvFolder csv(Path folder, Opening opening) {
    return new CsvFolder(folder, opening.requestedSource(), opening.inputName(), opening.shape());
  }

  @Override
  public List<String> archiveHolds() {
    return List.of(BUNDLE_JSON, "any of " + String.join(", ", CsvFolder.fileNames()));
  }
}
