package io.blastgate.app;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.entities.EntityService;
import io.blastgate.graph.Graph;
import io.blastgate.importer.BundleImporter;
import io.blastgate.importer.ImportSettings;
import java.util.Objects;

/**
 * Every feature's service over one graph, built by {@link Blastgate}. Add a feature's service here and
 * in {@link #over}; the edges (HTTP routes, commands) take it from here.
 */
public record Services(
    Graph graph, EntityService entities, BlastRadiusService blastRadius, BundleImporter importer) {
  public Services {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(blastRadius, "blastRadius");
    Objects.requireNonNull(importer, "importer");
  }

  /** The services over {@code graph}, blast radii bounded by {@code maxHops}, imports as {@code imports}. */
  static Services over(Graph graph, int maxHops, ImportSettings imports) {
    return new Services(
        graph,
        new EntityService(graph),
        new BlastRadiusService(graph, maxHops),
        new BundleImporter(graph, imports));
  }

  /** The same services, with imports run under other settings (a command's options). */
  public Services withImportSettings(ImportSettings imports) {
    return new Services(graph, entities, blastRadius, new BundleImporter(graph, imports));
  }
}
