package io.blastgate.http;

import io.blastgate.auth.TokenStore;
import io.blastgate.entities.EntityService;
import io.blastgate.graph.Graph;
import java.util.Objects;

/**
 * What the routes need. Add a feature's service here when its routes arrive (the blast radius, the
 * importer), and its routes in {@link HttpApp#routes}.
 */
public record HttpServices(Graph graph, TokenStore tokens, EntityService entities) {
  public HttpServices {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(entities, "entities");
  }

  /** The services over one graph. */
  public static HttpServices of(Graph graph, TokenStore tokens) {
    return new HttpServices(graph, tokens, new EntityService(graph));
  }
}
