package io.blastgate.graph;

import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.Redacted;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open graph: an embedded Neo4j started here, or an external server or cluster, reached the same
 * way, through the driver over Bolt. Opening applies the schema migrations; closing releases all.
 */
public final class GraphConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphConnection.class);

  private final EmbeddedNeo4j embedded;
  private final Driver driver;
  private final Graph graph;
  private final URI uri;

  private GraphConnection(EmbeddedNeo4j embedded, Driver driver, Graph graph, URI uri) {
    this.embedded = embedded;
    this.driver = driver;
    this.graph = graph;
    this.uri = uri;
  }

  public static GraphConnection open(GraphSettings settings) {
    EmbeddedNeo4j embedded = settings.embedded() ? EmbeddedNeo4j.start(settings) : null;
    try {
      URI uri = embedded != null ? embedded.boltUri() : settings.uri().orElseThrow();
      String user = embedded != null ? embedded.user() : settings.user();
      String password =
          embedded != null ? embedded.password().value() : settings.password().orElseThrow().value();
      Driver driver = openDriver(uri, user, password, settings);
      Graph graph = migrate(driver, new Graph(driver, settings.database(), settings.queryTimeout()));
      LOG.info("graph ready at {} (database {})", Redacted.uri(uri), settings.database());
      return new GraphConnection(embedded, driver, graph, uri);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /** Connects to a graph someone else started, such as a test's Neo4j Harness. */
  public static GraphConnection connect(URI uri, String user, String password, GraphSettings settings) {
    Driver driver = openDriver(uri, user, password, settings);
    Graph graph = migrate(driver, new Graph(driver, settings.database(), settings.queryTimeout()));
    return new GraphConnection(null, driver, graph, uri);
  }

  /**
   * Applies the migrations and asks for the plugin; if that fails, closes the driver, which nothing
   * else holds yet.
   */
  private static Graph migrate(Driver driver, Graph graph) {
    try {
      Migrations.apply(graph);
      return graph.detectPlugin();
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
  }

  private static Driver openDriver(URI given, String user, String password, GraphSettings settings) {
    // The driver authenticates with the user and password it is given, never with a URI's user-info,
    // and it logs the URI it was made for: it gets the URI without one.
    URI uri = withoutUserInfo(given);
    Config config =
        Config.builder()
            .withMaxTransactionRetryTime(settings.maxRetryTime().toMillis(), TimeUnit.MILLISECONDS)
            .withConnectionTimeout(10, TimeUnit.SECONDS)
            .withUserAgent("blastgate")
            .build();
    Driver driver =
        password == null
            ? GraphDatabase.driver(uri, AuthTokens.none(), config)
            : GraphDatabase.driver(uri, AuthTokens.basic(user, password), config);
    try {
      driver.verifyConnectivity();
      return driver;
    } catch (AuthenticationException e) {
      // Neo4j answered and said no: a configuration error, not an outage, so do not send the operator
      // looking for a network problem.
      driver.close();
      throw new GraphUnavailable(
          "Neo4j at " + Redacted.uri(given) + " rejected the credentials of user '" + user + "': "
              + Redacted.urisIn(e.getMessage()), e);
    } catch (Neo4jException e) {
      driver.close();
      throw new GraphUnavailable(
          "cannot reach Neo4j at " + Redacted.uri(given) + ": " + Redacted.urisIn(e.getMessage()), e);
    }
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    String authority = uri.getRawAuthority();
    return URI.create(uri.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
        + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  public Graph graph() {
    return graph;
  }

  /** An embedded Neo4j started here: no other process can be using this graph. */
  public boolean embedded() {
    return embedded != null;
  }

  public URI uri() {
    return uri;
  }

  @Override
  public void close() {
    driver.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
