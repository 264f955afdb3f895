package io.blastgate.graph;

import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.plugin.PluginInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin façade over the driver. Every read and write runs in a managed transaction ({@code
 * executeRead}/{@code executeWrite}), so the driver retries transient errors (a cluster's leader
 * switch, a deadlock) up to its retry time, and every transaction has a timeout. Only named {@link
 * CypherQuery} files run here; the log gets a query's name and parameter keys, never their values.
 */
public final class Graph {
  private static final Logger LOG = LoggerFactory.getLogger(Graph.class);
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

  private final Driver driver;
  private final String database;
  private final Duration timeout;
  private final boolean plugin;
  private final PublishedReads publishedReads;

  public Graph(Driver driver, String database, Duration timeout) {
    this(driver, database, timeout, false);
  }

  private Graph(Driver driver, String database, Duration timeout, boolean plugin) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.database = Objects.requireNonNull(database, "database");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.plugin = plugin;
    this.publishedReads = new PublishedReads(this, PublishedReads.WAIT);
  }

  /**
   * Whether this Neo4j has the blastgate plugin of this program's protocol ({@code
   * io.blastgate.plugin.PluginInfo}), so that features may call its procedures.
   */
  public boolean hasPlugin() {
    return plugin;
  }

  /** This graph, after asking Neo4j whether it has the plugin of this program's protocol. */
  Graph detectPlugin() {
    return new Graph(driver, database, timeout, pluginUsable());
  }

  /** Whether the plugin is installed, of this protocol and allowed to run; if not, logs why. */
  private boolean pluginUsable() {
    boolean installed =
        readAnyState(HousekeepingQuery.PLUGIN_INSTALLED, Map.of(), r -> r.single().number("installed") > 0);
    if (!installed) {
      LOG.info("the blastgate plugin is not installed in Neo4j: blast radii use Cypher queries");
      return false;
    }
    String version = readAnyState(HousekeepingQuery.PLUGIN_VERSION, Map.of(), r -> r.single().text("version"));
    if (!PluginInfo.PROTOCOL.equals(version)) {
      LOG.warn(
          "Neo4j has the blastgate plugin {}, not {}: its procedures are not used; install this"
              + " release's jar in Neo4j's plugins folder",
          version,
          PluginInfo.PROTOCOL);
      return false;
    }
    try {
      readAnyState(HousekeepingQuery.PLUGIN_PROBE, Map.of(), r -> r.single().number("rows"));
    } catch (ClientException e) {
      LOG.warn(
          "Neo4j has the blastgate plugin but will not run it ({}): set"
              + " dbms.security.procedures.unrestricted={} in Neo4j's configuration; until then"
              + " blast radii use Cypher queries",
          e.code(),
          String.join(",", PluginInfo.UNRESTRICTED));
      return false;
    }
    LOG.info("the blastgate plugin ({}) computes blast radii inside Neo4j", version);
    return true;
  }

  /** One query in its own read transaction, which sees the graph between imports (see {@link #readTx}). */
  public <T> T read(CypherQuery query, Map<String, Object> params, Function<Rows, T> mapper) {
    return readTx(query.queryName(), tx -> mapper.apply(tx.run(query, params)));
  }

  /** One query in its own read transaction, whatever the state of an import (see {@link #readAnyState}). */
  public <T> T readAnyState(CypherQuery query, Map<String, Object> params, Function<Rows, T> mapper) {
    return readAnyState(query.queryName(), tx -> mapper.apply(tx.run(query, params)));
  }

  /** One query in its own write transaction. */
  public <T> T write(CypherQuery query, Map<String, Object> params, Function<Rows, T> mapper) {
    return writeTx(query.queryName(), tx -> mapper.apply(tx.run(query, params)));
  }

  /**
   * Several queries that must see one state of the graph: the state before an import or after it,
   * never between ({@link PublishedReads}). The work may run more than once: keep it pure.
   */
  public <T> T readTx(String operation, Function<Tx, T> work) {
    return publishedReads.read(operation, work);
  }

  /**
   * As {@link #readTx} in one statement that reads the publication mark itself, first and last, in
   * the columns {@code seq_before}, {@code writer}, {@code source} and {@code seq_after} of its one row
   * (such as {@code gate/weigh.cypher}): one round trip where {@link #readTx} needs three more. The
   * mapper sees the row only when it was read from one state of the graph.
   */
  public <T> T readMarked(CypherQuery query, Map<String, Object> params, Function<Row, T> mapper) {
    return publishedReads.readMarked(query.queryName(), tx -> tx.run(query, params).single(), mapper);
  }

  /**
   * A read that does not wait for an import being published in parts and may see it half done: for
   * the importer itself (which reads what it is writing) and for housekeeping (the ping, migrations,
   * the plugin's probes).
   */
  public <T> T readAnyState(String operation, Function<Tx, T> work) {
    return inSession(operation, true, timeout, work);
  }

  /** Several writes that commit together or not at all. The work may be retried: keep it pure. */
  public <T> T writeTx(String operation, Function<Tx, T> work) {
    return inSession(operation, false, timeout, work);
  }

  /** As {@link #writeTx} with a timeout of its own, for long writes such as a large import. */
  public <T> T writeTx(String operation, Duration txTimeout, Function<Tx, T> work) {
    return inSession(operation, false, txTimeout, work);
  }

  /**
   * Returns once the search index (eventually consistent: migration V003) holds every change
   * committed before the call, so that what was just written can be searched for.
   */
  public void awaitSearchIndex() {
    readAnyState("await the search index", tx -> tx.run(HousekeepingQuery.AWAIT_SEARCH_INDEX, Map.of()).consume());
  }

  /**
   * Whether the database answers a trivial query now. No retries and a short timeout: a health check
   * must answer fast, and "not now" is its answer.
   */
  public boolean ping() {
    var config = TransactionConfig.builder().withTimeout(PING_TIMEOUT).build();
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      return session.run(HousekeepingQuery.PING.text(), Map.of(), config).single().get(0).asInt() == 1;
    } catch (RuntimeException e) {
      LOG.debug("ping failed: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  private <T> T inSession(String operation, boolean read, Duration txTimeout, Function<Tx, T> work) {
    var config = TransactionConfig.builder().withTimeout(txTimeout).build();
    return translatingErrors(operation, txTimeout, () -> {
      long started = System.nanoTime();
      try (var session = driver.session(SessionConfig.forDatabase(database))) {
        T result =
            read
                ? session.executeRead(tx -> work.apply(new Tx(tx::run)), config)
                : session.executeWrite(tx -> work.apply(new Tx(tx::run)), config);
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} {} in {} µs", read ? "read" : "write", operation, micros(started));
        }
        return result;
      }
    });
  }

  /**
   * One read statement in a transaction of its own that the database begins and commits around it
   * (auto-commit): one round trip, where a transaction of the driver's needs its begin and commit
   * besides. Not retried: the caller reads again or fails closed.
   */
  <T> T readOneStatement(String operation, Function<Tx, T> work) {
    var config = TransactionConfig.builder().withTimeout(timeout).build();
    var sessionConfig = SessionConfig.builder().withDatabase(database).withDefaultAccessMode(AccessMode.READ).build();
    return translatingErrors(operation, timeout, () -> {
      try (var session = driver.session(sessionConfig)) {
        return work.apply(new Tx((text, params) -> session.run(text, params, config)));
      }
    });
  }

  private static <T> T translatingErrors(String operation, Duration txTimeout, Supplier<T> call) {
    try {
      return call.get();
    } catch (TransientException e) {
      if (e.code() != null && e.code().endsWith("MemoryPoolOutOfMemoryError")) {
        throw new GraphUnavailable(
            operation
                + " needs more transaction memory than Neo4j allows; for a very large import,"
                + " commit in parts (import --commit-every)",
            e);
      }
      throw new GraphUnavailable("the graph database did not answer " + operation, e);
    } catch (ServiceUnavailableException | SessionExpiredException e) {
      throw new GraphUnavailable("the graph database did not answer " + operation, e);
    } catch (ClientException e) {
      if (isTimeout(e)) {
        throw new GraphUnavailable(operation + " ran out of time (" + txTimeout + ")", e);
      }
      if (e.code() != null && e.code().endsWith("ConstraintValidationFailed")) {
        throw new Conflict(operation + " broke a constraint of the schema", e);
      }
      throw e;
    }
  }

  private static boolean isTimeout(ClientException e) {
    String code = e.code();
    return code != null
        && (code.endsWith("TransactionTimedOut")
            || code.endsWith("TransactionTimedOutClientConfiguration"));
  }

  private static long micros(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000;
  }

  /** A transaction that runs named queries only. */
  public static final class Tx {
    private final BiFunction<String, Map<String, Object>, Result> runner;

    private Tx(BiFunction<String, Map<String, Object>, Result> runner) {
      this.runner = runner;
    }

    public Rows run(CypherQuery query, Map<String, Object> params) {
      if (LOG.isTraceEnabled()) {
        LOG.trace("run {} with keys {}", query.queryName(), params.keySet());
      }
      return new Rows(runner.apply(query.text(), params));
    }

    /** Statements from migration files, which are not queries of a feature. */
    Result runStatement(String statement) {
      return runner.apply(statement, Map.of());
    }
  }

}
