package io.blastgate.app;

import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.config.PrivateFiles;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.gate.GateProcess;
import io.blastgate.graph.GraphConnection;
import io.blastgate.http.ApiServer;
import io.blastgate.http.HttpSettings;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.InitialLoad;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.services.Services;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program wired from its configuration, the one place that does it: the graph it names (an
 * embedded Neo4j, or a server or cluster through the driver), every feature's service over it ({@link
 * Services#over}) and, when asked, the HTTP API serving them. {@code serve}, {@code demo}, every
 * command and the benchmark build the program here and nowhere else. Closing it closes the graph.
 */
public final class Blastgate implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Blastgate.class);

  private final AppConfig config;
  private final GraphConnection connection;
  private final Services services;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Blastgate(AppConfig config, GraphConnection connection) {
    this.config = Objects.requireNonNull(config, "config");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.services = Services.over(connection.graph(), config);
    // Before anything reads: an import that a crash stopped while it was being published is finished.
    services.importer().finishInterrupted();
    config.policyFile().ifPresent(this::putPolicyInForce);
    // Actions a crash stopped while they were executing: failed, never run again blindly; rollbacks:
    // released, their outcome unknown, retried only when asked again. On an external graph, another
    // live process may be carrying some out: only those of processes gone a while are touched.
    var reconciled = services.gate().reconcileAtStartUp(connection.embedded());
    reconciled.executions()
        .forEach(r -> LOG.warn("action request {} was interrupted while executing; it is now failed", r));
    reconciled.rollbacks()
        .forEach(r -> LOG.warn("the rollback of action request {} was interrupted; its outcome is unknown", r));
  }

  /**
   * Puts the policy of {@code BLASTGATE_POLICY_FILE} in force when it is not already: an invalid one
   * stops the start-up, with every problem.
   */
  private void putPolicyInForce(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidConfiguration("the configuration", List.of("BLASTGATE_POLICY_FILE: cannot read " + file));
    }
    var policies = services.gate().policies();
    if (policies.current().text().equals(text)) {
      return;
    }
    try {
      var policy = policies.replace(text, "start-up (BLASTGATE_POLICY_FILE)");
      LOG.info("the gate's policy {} from {} is in force", policy.version(), file);
    } catch (io.blastgate.error.BlastgateException.InvalidDocument e) {
      throw new InvalidConfiguration("the policy of BLASTGATE_POLICY_FILE", e.problems().stream()
          .map(p -> (p.location().isEmpty() ? "" : p.location() + ": ") + p.message()).toList());
    }
  }

  /**
   * Opens the configured graph (applying its migrations) and wires the services over it. An embedded
   * graph's data folder is made private to this user first ({@link #privateDataFolder}).
   */
  public static Blastgate open(AppConfig config) {
    if (config.graphSettings().embedded()) {
      privateDataFolder(config);
    }
    GraphConnection connection = GraphConnection.open(config.graphSettings());
    try {
      return new Blastgate(config, connection);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * The first load of a source into the configured embedded database, through Neo4j's offline importer
   * ({@link InitialLoad}), while the program is not open: refused for a remote graph and for a
   * database that holds data. Open the program afterwards to use what it loaded. The data folder is
   * made private to this user first, as opening the program makes it.
   */
  public static ImportReport loadInitially(
      AppConfig config, Path path, Optional<String> source, ImportProgress progress) {
    return loadInitially(config, path, source, InputChoice.DETECT, progress);
  }

  /** As {@link #loadInitially(AppConfig, Path, Optional, ImportProgress)}, read as {@code choice} says. */
  public static ImportReport loadInitially(
      AppConfig config, Path path, Optional<String> source, InputChoice choice, ImportProgress progress) {
    if (config.graphSettings().embedded()) {
      privateDataFolder(config);
    }
    return new InitialLoad(ImportSettings.defaults()).load(config.graphSettings(), path, source, choice, progress);
  }

  /**
   * Opens the program and serves the API on the configured host and port until the server is closed,
   * which closes the program too. Use a configuration from {@link AppConfig#forServer}, which has
   * checked that the tokens file exists. If the API cannot start (a port taken), the graph is closed
   * again: Neo4j's threads would otherwise keep the JVM alive with nothing serving.
   */
  public static Server serve(AppConfig config, String version) {
    refuseATakenPort(config);
    return open(config).serve(version);
  }

  /**
   * Refuses, before the graph is opened or anything loaded, an HTTP port that another process holds:
   * one sentence at once instead of a failure after the whole start-up. (A port taken in the moment
   * between this check and the server's start is refused the same way by the server.)
   */
  public static void refuseATakenPort(AppConfig config) {
    if (config.httpPort() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(config.httpHost(), config.httpPort()));
    } catch (IOException e) {
      throw new InvalidConfiguration(
          "the configuration", List.of(HttpSettings.portTaken(config.httpHost(), config.httpPort())));
    }
  }

  /**
   * Serves the API over this program; closing the server closes the program. Uploads are spooled in
   * the data folder, which is made private to this user first, whatever the graph.
   */
  public Server serve(String version) {
    try {
      privateDataFolder(config);
      // The audit key is read (or made) now: a key file it cannot use stops the start, not an action.
      services.audit().loadKey();
            Server server = new Server(ApiServer.start(services, tokens(), HttpSettings.from(config, version)), this);
      // Two threads: the heartbeat (GateProcess) must not wait behind a slow round of housekeeping, or
      // other processes would take this one's running actions for interrupted.
      server.housekeeping = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "blastgate-housekeeping");
        t.setDaemon(true);
        return t;
      });
      services.gate().process().beat();
      server.housekeeping.scheduleAtFixedRate(this::heartbeat, GateProcess.BEAT_EVERY.toSeconds(),
          GateProcess.BEAT_EVERY.toSeconds(), TimeUnit.SECONDS);
      server.housekeeping.scheduleWithFixedDelay(this::housekeeping, 0, HOUSEKEEPING_EVERY.toSeconds(), TimeUnit.SECONDS);
      return server;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The data folder (the embedded graph's store, the upload spool) is the service's own: created
   * {@code rwx------}, or, if group or others may use it, made so, and the log says what was taken
   * away. A folder that cannot be made private (another user's) stops the start.
   */
  static void privateDataFolder(AppConfig config) {
    Path folder = config.dataDir().toAbsolutePath().normalize();
    try {
      PrivateFiles.privateFolder(folder).ifPresent(was -> LOG.warn(
          "the data folder {} was open to group or others ({}); made it private to this user", folder, was));
    } catch (IOException e) {
      throw new InvalidConfiguration("the configuration", List.of("BLASTGATE_DATA_DIR: " + folder
          + " cannot be made private to this user; use a folder this user owns, or chmod 700 it"));
    }
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

  /** Closes the graph; closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connection.close();
    }
  }

  /** How often the server restores expired suspensions and expires stale requests. */
  static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(30);

  /** This process says it is alive; a failure is logged and the next beat tries again. */
  private void heartbeat() {
    try {
      services.gate().process().beat();
    } catch (RuntimeException e) {
      LOG.warn("the gate's heartbeat failed this time: {}", e.getMessage());
    }
  }

  /** One round of the gate's housekeeping; a failure is logged and the next round tries again. */
  private void housekeeping() {
    try {
      services.gate().requests().housekeeping().forEach(line -> LOG.info("gate: {}", line));
    } catch (RuntimeException e) {
      LOG.warn("gate housekeeping failed this round: {}", e.getMessage());
    }
  }

  /** The API being served; closing it stops serving, then closes the program. */
  public static final class Server implements AutoCloseable {
    private final ApiServer api;
    private final Blastgate program;
    private ScheduledExecutorService housekeeping;

    private Server(ApiServer api, Blastgate program) {
      this.api = api;
      this.program = program;
    }

    /** The port the API listens on (the real one when the configuration asked for 0). */
    public int port() {
      return api.port();
    }

    @Override
    public void close() {
      try {
        if (housekeeping != null) {
          housekeeping.shutdownNow();
        }
        api.close();
      } finally {
        program.close();
      }
    }
  }
}
