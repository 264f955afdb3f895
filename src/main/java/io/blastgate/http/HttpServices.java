package io.blastgate.http;

import io.blastgate.auth.TokenStore;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.entities.EntityService;
import io.blastgate.graph.Graph;
import io.blastgate.importer.BundleImporter;
import io.blastgate.importer.ImportSettings;
import java.util.Objects;

/**
 * What the routes need. Add a feature's service here when its routes arrive, and its routes in
 * {@link HttpApp#routes}.
 */
public record HttpServices(
    Graph graph,
    TokenStore tokens,
    EntityService entities,
    BlastRadiusService blastRadius,
    BundleImporter importer) {
  public HttpServices {
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(blastRadius, "blastRadius");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(entities, "entities");
  }

  /** The services over one graph, with the default traversal bound. */
  public static HttpServices of(Graph graph, TokenStore tokens) {
    return of(graph, tokens, 50);
  }

  /** The services over one graph; {@code maxHops} bounds blast-radius traversals (at least 10). */
  public static HttpServices of(Graph graph, TokenStore tokens, int maxHops) {
    return new HttpServices(
        graph,
        tokens,
        new EntityService(graph),
        new BlastRadiusService(graph, maxHops),
        new BundleImporter(graph, ImportSettings.defaults()));
  }
}
