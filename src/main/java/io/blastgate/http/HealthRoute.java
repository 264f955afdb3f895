package io.blastgate.http;

import io.blastgate.graph.Graph;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /api/v1/health}: 200 when the graph answers, else 503 with the same body shape (not a
 * problem), so that load balancers and people read the same thing.
 */
final class HealthRoute implements Handler {
  record Health(String status, String graph, String version) {}

  private final Graph graph;
  private final String version;

  HealthRoute(Graph graph, String version) {
    this.graph = graph;
    this.version = version;
  }

  @Override
  public void handle(Context ctx) {
    boolean up = graph.ping();
    ctx.status(up ? 200 : 503).json(new Health(up ? "ok" : "degraded", up ? "up" : "down", version));
  }
}
