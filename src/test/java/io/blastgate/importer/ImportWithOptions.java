package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputChoice;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** For tests of other features: an import of a path, its format recognised, with format options. */
public final class ImportWithOptions {
  private ImportWithOptions() {}

  public static ImportReport load(Graph graph, Path path, Map<String, String> options) {
    return new Importer(graph, ImportSettings.defaults()).importPath(path, path.getFileName().toString(),
        Optional.empty(), new InputChoice(Optional.empty(), options), ImportProgress.none());
  }
}
