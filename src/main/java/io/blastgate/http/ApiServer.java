package io.blastgate.http;

import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.graph.GraphConnection;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running API: the graph, opened from the configuration, and the app of {@link HttpApp}, started.
 * If anything fails on the way up (a tokens file, a port already taken), everything already opened is
 * closed again, because Neo4j's Bolt threads would otherwise keep the JVM alive with nothing serving.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;
  private final GraphConnection graph;
  private final boolean ownsGraph;

  private ApiServer(Javalin app, GraphConnection graph, boolean ownsGraph) {
    this.app = app;
    this.graph = graph;
    this.ownsGraph = ownsGraph;
  }

  /**
   * Opens the graph, reads the tokens file and serves on the configured host and port. Use a
   * configuration from {@link AppConfig#forServer}, which has checked that the tokens file exists.
   */
  public static ApiServer start(AppConfig config, String version) {
    GraphConnection graph = GraphConnection.open(config.graphSettings());
    try {
      TokenStore tokens =
          TokenStore.load(
              config.tokensFile().orElseThrow(() -> new IllegalArgumentException("no tokens file configured")));
      return start(
          graph, true, HttpServices.of(graph.graph(), tokens, config.maxHops()), HttpSettings.from(config, version));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Serves over a graph that is already open; closes it on failure and on close only if it owns it. */
  public static ApiServer start(
      GraphConnection graph, boolean ownsGraph, HttpServices services, HttpSettings settings) {
    Javalin app = HttpApp.create(services, settings);
    try {
      app.start();
    } catch (RuntimeException e) {
      if (ownsGraph) {
        graph.close();
      }
      throw e;
    }
    LOG.info("serving the API on http://{}:{}/api/v1 with {} tokens", settings.host(), app.port(), services.tokens().entries().size());
    return new ApiServer(app, graph, ownsGraph);
  }

  /** The port the API listens on (the real one when the configuration asked for 0). */
  public int port() {
    return app.port();
  }

  /** Stops serving, then closes the graph if this server opened it. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      if (ownsGraph) {
        graph.close();
      }
    }
  }
}
