package io.blastgate.app;

import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.graph.Graph;
import io.blastgate.graph.GraphConnection;
import io.blastgate.importer.ImportSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The program wired from its configuration: the graph it names (an embedded Neo4j, or a server or
 * cluster through the driver) and every feature's service over it, with their settings. {@code serve},
 * {@code demo}, every command, the benchmark and the tests build the program here and nowhere else.
 * Closing it closes the graph if it opened it.
 */
public final class Blastgate implements AutoCloseable {
  private final AppConfig config;
  /** The connection this program opened and closes; null over a graph someone else opened. */
  private final GraphConnection owned;
  private final Services services;

  private Blastgate(AppConfig config, Graph graph, GraphConnection owned) {
    this.config = Objects.requireNonNull(config, "config");
    this.owned = owned;
    this.services = Services.over(graph, config.maxHops(), importSettings(config));
  }

  /** Opens the configured graph (applying its migrations) and wires the services over it. */
  public static Blastgate open(AppConfig config) {
    GraphConnection connection = GraphConnection.open(config.graphSettings());
    try {
      return new Blastgate(config, connection.graph(), connection);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Wires the services over a graph someone else opened and will close (a test's Neo4j); the
   * configuration gives every other setting.
   */
  public static Blastgate over(Graph graph, AppConfig config) {
    return new Blastgate(config, graph, null);
  }

  /** The import settings of the configuration: the defaults (commands may override them per run). */
  static ImportSettings importSettings(AppConfig config) {
    return ImportSettings.defaults();
  }

  public AppConfig config() {
    return config;
  }

  public Services services() {
    return services;
  }

  /**
   * The API tokens of the configured tokens file ({@code BLASTGATE_TOKENS_FILE}), read now: a file
   * changed since start-up is read as it is. Refused when the configuration names none.
   */
  public TokenStore tokens() {
    Path file =
        config
            .tokensFile()
            .orElseThrow(
                () ->
                    new InvalidConfiguration(
                        "the configuration",
                        List.of("BLASTGATE_TOKENS_FILE is required to serve HTTP (there are no built-in tokens)")));
    return TokenStore.load(file);
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }
}
