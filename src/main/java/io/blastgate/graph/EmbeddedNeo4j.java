package io.blastgate.graph;

import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.plugin.PluginInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j in this process, reached like any other Neo4j: over Bolt, through the driver. Bolt listens on
 * loopback only and authentication is on; the {@code neo4j} user gets a fresh random password at every
 * start, which lives only in this process's memory, so there is no password to leak or to guess.
 */
final class EmbeddedNeo4j implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
  private static final String USER = "neo4j";

  private final DatabaseManagementService dbms;
  private final URI boltUri;
  private final GraphSettings.Secret password;

  private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, GraphSettings.Secret password) {
    this.dbms = dbms;
    this.boltUri = boltUri;
    this.password = password;
  }

  static EmbeddedNeo4j start(GraphSettings settings) {
    // Neo4j refuses a home with "." or ".." in it; a user may well type ./data.
    Path home = settings.dataDir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + home, e);
    }
    long started = System.nanoTime();
    DatabaseManagementService dbms;
    try {
      dbms = build(home, writeRawSettings(home), settings);
    } catch (RuntimeException e) {
      if (causedByLock(e)) {
        throw new GraphUnavailable(
            "the data folder "
                + home
                + " is in use by another process (a running blastgate?): stop it, or ask its API",
            e);
      }
      throw e;
    }
    try {
      GraphSettings.Secret password = randomPassword();
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password.value()));
      GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(settings.database());
      registerPlugin(db);
      var address =
          db.getDependencyResolver()
              .resolveDependency(ConnectorPortRegister.class)
              .getLocalAddress(ConnectorType.BOLT);
      URI uri = URI.create("bolt://127.0.0.1:" + address.getPort());
      LOG.info(
          "embedded Neo4j started in {} ms, data in {}, Bolt on {}",
          (System.nanoTime() - started) / 1_000_000,
          home,
          uri);
      return new EmbeddedNeo4j(dbms, uri, password);
    } catch (RuntimeException e) {
      // Bolt threads are not daemons: a half-started Neo4j would keep the JVM alive.
      dbms.shutdown();
      throw e;
    }
  }

  /** The blastgate plugin's procedures, which an external server gets from its plugins folder. */
  static void registerPlugin(GraphDatabaseAPI db) {
    GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
    try {
      for (Class<?> c : PluginInfo.PROCEDURES) {
        procedures.registerProcedure(c);
      }
      for (Class<?> c : PluginInfo.FUNCTIONS) {
        procedures.registerFunction(c);
      }
    } catch (ProcedureException e) {
      throw new IllegalStateException("cannot register the blastgate plugin: " + e.getMessage(), e);
    }
  }

  private static DatabaseManagementService build(Path home, Path conf, GraphSettings settings) {
    return new DatabaseManagementServiceBuilder(home)
        .loadPropertiesFromFile(conf)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", settings.boltPort()))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCacheBytes())
        // The blastgate plugin's procedures read the store through the kernel's cursors.
        .setConfig(GraphDatabaseSettings.procedure_unrestricted, PluginInfo.UNRESTRICTED)
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
        // Every Bolt server otherwise waits about 10 s on shutdown (Netty's quiet period).
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
        .build();
  }

  /** Another process holds the store: Neo4j says so deep in a chain of lifecycle exceptions. */
  private static boolean causedByLock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.equals("FileLockException") || name.equals("StoreLockException")) {
        return true;
      }
    }
    return false;
  }

  /** Settings that have no typed constant on the public API. */
  private static Path writeRawSettings(Path home) {
    Path conf = home.resolve("blastgate-neo4j.conf");
    try {
      Files.writeString(conf, "dbms.usage_report.enabled=false\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + conf, e);
    }
    return conf;
  }

  private static GraphSettings.Secret randomPassword() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new GraphSettings.Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  URI boltUri() {
    return boltUri;
  }

  String user() {
    return USER;
  }

  GraphSettings.Secret password() {
    return password;
  }

  @Override
  public void close() {
    long started = System.nanoTime();
    dbms.shutdown();
    LOG.info("embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
