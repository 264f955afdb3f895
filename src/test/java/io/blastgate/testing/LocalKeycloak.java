package io.blastgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Keycloak server, in dev mode ({@code kc.sh start-dev}: H2, plain HTTP), for the Keycloak
 * executor's tests. The distribution is {@code org.keycloak:keycloak-quarkus-dist} from Maven Central,
 * which the build unpacks into {@code target/keycloak/} (pom.xml, {@code keycloak-server}); it runs on
 * the JDK that runs the tests.
 *
 * <p>One server per test JVM ({@link #shared()}), started at first use and killed with its whole
 * process tree when the JVM ends: Keycloak takes minutes to start on a loaded machine, so tests share
 * it and each makes realms of its own. Each run gets a folder {@code target/keycloak-run/<time>/} with
 * the server's H2 database (deleted at the end) and its console log {@code keycloak.log} (kept, for
 * failures). It listens on 127.0.0.1 only, on a free port; the bootstrap admin
 * ({@code admin}) gets a random password made for this run, passed through the environment, never a
 * fixed one; the heap is capped at 512 MiB.
 */
public final class LocalKeycloak {
  public static final String ADMIN_REALM = "master";
  public static final String ADMIN_USER = "admin";
  /** Minutes, on a loaded 2-core machine (docs/executors.md): generous, a hang still ends. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;

  private static LocalKeycloak shared;

  private final Path runDir;
  private final int httpPort;
  private final String adminPassword;
  private volatile Duration startedIn = Duration.ZERO;
  private volatile Process process;

  private LocalKeycloak(Path runDir, int httpPort, String adminPassword, Process process) {
    this.runDir = runDir;
    this.httpPort = httpPort;
    this.adminPassword = adminPassword;
    this.process = process;
  }

  /** The server of this test JVM, started at the first call (which waits until it is ready). */
  public static synchronized LocalKeycloak shared() {
    if (shared == null) {
      shared = start();
      LocalKeycloak server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-local-keycloak"));
    }
    return shared;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** How long the server took from launch to ready, for the record (never asserted). */
  public Duration startedIn() {
    return startedIn;
  }

  public Path log() {
    return runDir.resolve("keycloak.log");
  }

  private static LocalKeycloak start() {
    Path home = home();
    Path runDir = Path.of("target", "keycloak-run",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid())
        .toAbsolutePath();
    int httpPort = freeLoopbackPort();
    String password = randomPassword();
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + runDir, e);
    }
    List<String> command = new ArrayList<>(List.of(
        home.resolve("bin").resolve("kc.sh").toString(),
        "start-dev",
        "--http-host=127.0.0.1",
        "--http-port=" + httpPort,
        "--hostname-strict=false",
        // No build option beyond start-dev's own (no --health-enabled): the README starts the same
        // distribution so, and a different build option would make each start rebuild Keycloak.
        // This run's own H2 database and transaction log, not the shared distribution's data/.
        "-Dkc.db-url-path=" + runDir,
        "-Dquarkus.transaction-manager.object-store.directory=" + runDir.resolve("transaction-logs")));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("keycloak.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // Only the quick compiler: less CPU while starting, on a machine shared with other builds.
    env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
    env.remove("JAVA_OPTS");
    long began = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak from " + home, e);
    }
    LocalKeycloak server = new LocalKeycloak(runDir, httpPort, password, process);
    try {
      server.awaitReady();
    } catch (RuntimeException | Error e) {
      server.stop();
      throw e;
    }
    server.startedIn = Duration.ofNanos(System.nanoTime() - began);
    System.out.printf("Local Keycloak ready on %s after %d s (log: %s)%n", server.baseUrl(),
        server.startedIn.toSeconds(), server.log());
    return server;
  }

  /** Polls the master realm until it answers (Keycloak serves HTTP once started); fails early, with the log, if Keycloak dies. */
  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = baseUrl().resolve("/realms/" + ADMIN_REALM);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready"
            + tail(log()));
      }
      try {
        var response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
            BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(Duration.ofSeconds(1));
    }
    throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + tail(log()));
  }

  /** Kills the process tree (kc.sh and its Java), then deletes the database; keeps the log. */
  public synchronized void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(running.toHandle().descendants().toList());
    tree.add(running.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // killed below
      }
      handle.destroyForcibly();
    }
    process = null;
    deleteQuietly(runDir.resolve("data"));
    deleteQuietly(runDir.resolve("transaction-logs"));
  }

  private static Path home() {
    Path home = Path.of(System.getProperty("blastgate.keycloak.home", "target/keycloak/keycloak-26.7.3"));
    if (!Files.isExecutable(home.resolve("bin").resolve("kc.sh"))) {
      throw new IllegalStateException("no Keycloak distribution at " + home
          + ": the Maven build unpacks it (./mvnw generate-test-resources)");
    }
    return home.toAbsolutePath();
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return "\n--- last lines of " + file + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "\n(cannot read " + file + ")";
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Keycloak", e);
    }
  }

  private static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // Left under target/: mvn clean removes it.
    }
  }
}
