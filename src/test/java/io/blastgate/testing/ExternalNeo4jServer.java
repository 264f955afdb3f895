package io.blastgate.testing;

import io.blastgate.graph.GraphSettings;
import io.blastgate.plugin.PluginInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * A Neo4j Community server in a separate process, for tests that must reach Neo4j exactly as the
 * program reaches a server someone else runs: over Bolt on a port, with a user and a password.
 *
 * <p>The server's classpath is Neo4j's own dependency graph, resolved from Maven Central by the build
 * into a file (pom.xml, {@code neo4j-server-classpath}); it runs on the JDK that runs the tests. Each
 * server gets a temporary home with a {@code neo4j.conf} that listens on 127.0.0.1 only, with free
 * ports, authentication on and HTTP off. The {@code neo4j} user gets a random password before the
 * first start (as {@code neo4j-admin dbms set-initial-password} does, like Neo4j's own Docker image),
 * so the server never accepts the well-known default one. That password is a command-line argument of
 * the admin process for the two seconds it runs, as with the real {@code neo4j-admin}: acceptable for
 * a throw-away test server on loopback, not a pattern for production. {@link #stop()} and {@link #start()} bring
 * the same server down and up again on the same port and data; {@link #close()} kills the process
 * whatever happened and deletes the home.
 */
public final class ExternalNeo4jServer implements AutoCloseable {
  private static final String USER = "neo4j";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 40;
  private static final int LOG_LINE_CHARS = 400;

  private final Path home;
  private final int boltPort;
  private final String password;
  private final List<String> javaCommand;
  private final Plugin plugin;
  private final Thread killOnExit;
  // Volatile rather than guarded: the shutdown hook must reach the process even while start() waits.
  private volatile Process process;

  /** Whether the server has the blastgate plugin in its plugins folder, and whether it may run it. */
  public enum Plugin {
    NONE,
    /** The jar is there but dbms.security.procedures.unrestricted does not name it. */
    INSTALLED_RESTRICTED,
    /** As docs/external-neo4j.md says to install it. */
    INSTALLED
  }

  private ExternalNeo4jServer(
      Path home, int boltPort, String password, List<String> javaCommand, Plugin plugin) {
    this.home = home;
    this.plugin = plugin;
    this.boltPort = boltPort;
    this.password = password;
    this.javaCommand = javaCommand;
    // A test JVM that ends without close() (a crash, an interrupted run) must not leave a server behind.
    this.killOnExit =
        new Thread(
            () -> {
              kill();
              deleteQuietly(home);
            },
            "kill-external-neo4j");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Creates a fresh server in a temporary home, sets its password, starts it, waits until Bolt answers. */
  public static ExternalNeo4jServer launch() {
    return launch(Plugin.NONE);
  }

  /** As {@link #launch()}, with the blastgate plugin as given. */
  public static ExternalNeo4jServer launch(Plugin plugin) {
    List<String> javaCommand = javaCommand();
    Path home;
    try {
      home = Files.createTempDirectory("blastgate-neo4j-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a home for the Neo4j server", e);
    }
    ExternalNeo4jServer server =
        new ExternalNeo4jServer(home, freeLoopbackPort(), randomPassword(), javaCommand, plugin);
    try {
      server.writeConfig();
      if (plugin != Plugin.NONE) {
        server.installPlugin();
      }
      server.setInitialPassword();
      server.startProcess();
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  public URI boltUri() {
    return URI.create("bolt://127.0.0.1:" + boltPort);
  }

  /** The routing scheme: the driver asks the server for its routing table, as with a cluster. */
  public URI neo4jUri() {
    return URI.create("neo4j://127.0.0.1:" + boltPort);
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  /** Settings that make {@code GraphConnection.open} connect to this server through {@code uri}. */
  public GraphSettings settings(URI uri, Duration maxRetryTime) {
    return new GraphSettings(
        Optional.of(uri),
        USER,
        Optional.of(new GraphSettings.Secret(password)),
        "neo4j",
        home.resolve("unused-by-an-external-graph"),
        0,
        0,
        Duration.ofSeconds(30),
        maxRetryTime);
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the stopped server again, on the same port with the same data; waits until Bolt answers. */
  public synchronized void start() {
    if (isRunning()) {
      throw new IllegalStateException("the Neo4j server is already running");
    }
    startProcess();
  }

  /** Stops the server the way an operator does (SIGTERM, a clean shutdown), killing it if it hangs. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    ProcessHandle handle = process.toHandle();
    List<ProcessHandle> children = handle.descendants().toList();
    process.destroy();
    if (!waitFor(process, STOP_TIMEOUT)) {
      process.destroyForcibly();
      waitFor(process, KILL_TIMEOUT);
    }
    children.forEach(ProcessHandle::destroyForcibly);
    process = null;
  }

  /** Stops the server (killing it if need be) and deletes its home. Safe to call more than once. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      kill(); // in case stop() itself failed half-way
      deleteRecursively(home);
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting and runs the hook anyway.
      }
    }
  }

  private void kill() {
    Process running = process;
    if (running != null) {
      running.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
      waitFor(running, KILL_TIMEOUT);
    }
  }

  private void writeConfig() {
    String address = "127.0.0.1:" + boltPort;
    List<String> lines =
        new ArrayList<>(List.of(
            "# Written by ExternalNeo4jServer for one test run.",
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            "server.bolt.listen_address=" + address,
            // The routing table (neo4j:// URIs) hands out this address: it must be the real port.
            "server.bolt.advertised_address=" + address,
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            "server.memory.pagecache.size=32m",
            "db.tx_log.preallocate=false",
            "dbms.usage_report.enabled=false",
            "dbms.fleet_manager.enabled=false",
            "server.fleet_discovery.enabled=false",
            // Bolt otherwise waits about 10 s on every shutdown (Netty's quiet period); stop() is frequent.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period_duration=0s"));
    if (plugin == Plugin.INSTALLED) {
      lines.add("dbms.security.procedures.unrestricted=" + String.join(",", PluginInfo.UNRESTRICTED));
    }
    try {
      Files.createDirectories(conf());
      Files.createDirectories(logs());
      Files.write(conf().resolve("neo4j.conf"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Neo4j configuration under " + home, e);
    }
  }

  /**
   * Puts the plugin in the server's plugins folder: the classes that pom.xml's {@code neo4j-plugin}
   * jar holds (io/blastgate/plugin and the classes of io/blastgate/model itself, not its
   * subpackages), taken from the build's target/classes, because the tests run before the jar is
   * packaged.
   */
  private void installPlugin() {
    Path classes = Path.of("target/classes");
    Path jar = home.resolve("plugins").resolve("blastgate-neo4j-plugin.jar");
    try {
      Files.createDirectories(jar.getParent());
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = classes.relativize(f).toString().replace('\\', '/');
          if (name.startsWith("io/blastgate/plugin/") || isModelClass(name)) {
            out.putNextEntry(new java.util.jar.JarEntry(name));
            Files.copy(f, out);
            out.closeEntry();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the blastgate plugin under " + home, e);
    }
  }

  /** A class of the package io.blastgate.model itself: io/blastgate/model/file is not the plugin's. */
  private static boolean isModelClass(String name) {
    return name.startsWith("io/blastgate/model/") && name.indexOf('/', "io/blastgate/model/".length()) < 0;
  }

  /**
   * What {@code neo4j-admin dbms set-initial-password} does, through the class behind it: it writes
   * {@code data/dbms/auth.ini}, which the first start turns into the user, without "change required".
   */
  private void setInitialPassword() {
    List<String> command = new ArrayList<>(javaCommand);
    command.addAll(List.of("org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password));
    Path log = logs().resolve("admin.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("NEO4J_HOME", home.toString());
    builder.environment().put("NEO4J_CONF", conf().toString());
    try {
      Process admin = builder.start();
      if (!waitFor(admin, STOP_TIMEOUT)) {
        admin.destroyForcibly();
        throw new IllegalStateException("neo4j-admin set-initial-password hung" + tail(log));
      }
      if (admin.exitValue() != 0) {
        throw new IllegalStateException(
            "neo4j-admin set-initial-password exited with " + admin.exitValue() + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run neo4j-admin", e);
    }
  }

  private synchronized void startProcess() {
    List<String> command = new ArrayList<>(javaCommand);
    command.addAll(
        List.of(
            "org.neo4j.server.Neo4jCommunity", "--home-dir=" + home, "--config-dir=" + conf()));
    Path console = logs().resolve("console.log");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Neo4j server process", e);
    }
    awaitBolt();
  }

  /** Polls until the driver gets in with the password; fails early, with the logs, if the server dies. */
  private void awaitBolt() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Config config = Config.builder().withConnectionTimeout(2, TimeUnit.SECONDS).build();
    try (var driver = GraphDatabase.driver(boltUri(), AuthTokens.basic(USER, password), config)) {
      Neo4jException last = null;
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the Neo4j server exited with " + process.exitValue() + " before Bolt answered" + logs(last));
        }
        try {
          driver.verifyConnectivity();
          return;
        } catch (Neo4jException e) {
          last = e;
        }
        sleep(Duration.ofMillis(250));
      }
      kill();
      throw new IllegalStateException(
          "the Neo4j server did not answer on Bolt within " + START_TIMEOUT + logs(last));
    }
  }

  private String logs(Neo4jException last) {
    String lastError = last == null ? "" : "\nlast driver error: " + last.getMessage();
    return lastError + tail(logs().resolve("console.log")) + tail(logs().resolve("neo4j.log"))
        + tail(logs().resolve("debug.log"));
  }

  private static String tail(Path file) {
    if (!Files.exists(file)) {
      return "\n(no " + file.getFileName() + ")";
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> last =
          lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).stream()
              // debug.log has lines of many kilobytes, such as the whole classpath.
              .map(line -> line.length() > LOG_LINE_CHARS ? line.substring(0, LOG_LINE_CHARS) + "…" : line)
              .toList();
      return "\n--- last lines of " + file + " ---\n" + String.join("\n", last);
    } catch (IOException | UncheckedIOException e) {
      return "\n(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  private Path conf() {
    return home.resolve("conf");
  }

  private Path logs() {
    return home.resolve("logs");
  }

  /**
   * {@code java} of the JDK that runs the tests (the one Maven's toolchain chose), the flags Neo4j needs
   * on it (STACK.md), a small heap, and the classpath file the build wrote.
   */
  private static List<String> javaCommand() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpathFile =
        System.getProperty("blastgate.neo4j.server.classpath", "target/neo4j-server.classpath");
    String classpath;
    try {
      classpath = Files.readString(Path.of(classpathFile), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "no Neo4j server classpath at "
              + classpathFile
              + ": the Maven build writes it (./mvnw generate-test-resources)",
          e);
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    String flags = System.getProperty("blastgate.neo4j.jvm.flags", "");
    Stream.of(flags.split("\\s+")).filter(f -> !f.isBlank()).forEach(command::add);
    command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classpath));
    return List.copyOf(command);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }

  /**
   * 32 random URL-safe characters after a letter: neo4j-admin reads a password that starts with '-'
   * (one in 64 of them) as an option, and fails.
   */
  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "p" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Neo4j server", e);
    }
  }

  private static void deleteQuietly(Path root) {
    try {
      deleteRecursively(root);
    } catch (UncheckedIOException e) {
      // The JVM is exiting: nobody is left to tell.
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the Neo4j server's home " + root, e);
    }
  }
}
