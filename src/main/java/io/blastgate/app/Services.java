package io.blastgate.app;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.entities.EntityService;
import io.blastgate.graph.Graph;
import io.blastgate.importer.Importer;
import io.blastgate.importer.ImportSettings;
import java.util.Objects;

/**
 * Every feature's service over one graph, built by {@link Blastgate}. Add a feature's service here and
 * in {@link #over}; the edges (HTTP routes, commands) take it from here.
 */
public record Services(
    Graph graph, EntityService entities, BlastRadiusService blastRadius, Importer importer) {
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
        new Importer(graph, imports));
  }

  /** The same services, with imports run under other settings (a command's options). */
  public Services withImportSettings(ImportSettings imports) {
    return new Services(graph, entities, blastRadius, new Importer(graph, imports));
  }
}
