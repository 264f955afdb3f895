package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and curl of the README, run as written, in order, by bash in a fresh folder, against
 * the servers the README itself starts (the demo, then {@code serve}); each command of a console block
 * must print what the README shows ({@link OutputShape}: modulo tokens, ids and times), each command of
 * an sh block must succeed. The README's directives say which blocks run in the background and when
 * they stop ({@link ReadmeExamples}).
 *
 * <p>Three things differ from a reader's terminal, and only these: {@code bin/blastgate} is the same
 * program from this build's classes (the real script would build the jar, which {@code verify} makes
 * only after the tests, with the program's logging configuration, not the tests'); the servers listen
 * on free ports instead of the README's (8080 for blastgate, 8180 for Keycloak), so every {@code
 * 127.0.0.1:8080} and {@code 127.0.0.1:8180} of a command is such a port (and of its output, the
 * README's again), and so is Keycloak's {@code --http-port=8180}; and {@code JAVA_HOME} is the JDK that runs the tests, as the README asks of a reader
 * whose default {@code java} is older than 21 (Keycloak's {@code kc.sh} runs on it). The fresh folder
 * holds {@code fixtures/} and {@code target/keycloak/} (links to the repository's: the Keycloak
 * distribution the build unpacks) and that launcher, nothing else. Every process the README starts is
 * stopped at the end with its process tree, whatever happened.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern EXPORT = Pattern.compile("^\\s*export (\\w+)=(\\S+)\\s*$");
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  /** A command that bounds itself ({@code timeout N …}) gets its own bound, and this margin. */
  private static final Pattern SELF_BOUNDED = Pattern.compile("^timeout (\\d+) ");
  /** The README's ports: blastgate's and Keycloak's. */
  private static final int README_PORT = 8080;
  private static final int README_KEYCLOAK_PORT = 8180;

  @TempDir Path work;

  private final Map<String, String> exported = new HashMap<>();
  private final List<String> failures = new ArrayList<>();
  private int port;
  private final Map<Integer, Integer> ports = new HashMap<>();
  private Background background;
  /** What the README starts beside its server (Keycloak), stopped at the end. */
  private final List<Background> beside = new ArrayList<>();

  @Test
  void everyExampleRunsAsWrittenAndPrintsWhatTheReadmeShows() throws Exception {
    port = freePort();
    ports.put(README_PORT, port);
    ports.put(README_KEYCLOAK_PORT, freePort());
    prepareFolder();
    ReadmeExamples readme = ReadmeExamples.read(README);
    int ran = 0;
    try {
      for (ReadmeExamples.Block block : readme.blocks()) {
        if (block.directive().equals("stop-background")) {
          stopBackground();
        }
        if (block.directive().equals("skip")) {
          continue;
        }
        if (block.kind().equals("text")) {
          if (block.directive().equals("background-output")) {
            checkBackgroundOutput(block);
          }
          continue;
        }
        List<ReadmeExamples.Example> examples = block.examples();
        for (int i = 0; i < examples.size(); i++) {
          boolean last = i == examples.size() - 1;
          if (last && block.directive().equals("background")) {
            startBackground(examples.get(i));
          } else if (last && block.directive().equals("background-beside")) {
            beside.add(new Background(examples.get(i), bash(examples.get(i).command()).start()));
          } else {
            run(block, examples.get(i));
          }
          ran++;
        }
      }
    } finally {
      stopBackground();
      beside.forEach(ReadmeExamplesTest::stopTree);
      // The links, not the repository's folders.
      Files.deleteIfExists(work.resolve("fixtures"));
      Files.deleteIfExists(work.resolve("target").resolve("keycloak"));
    }
    assertThat(failures).as("README examples that do not run as written").isEmpty();
    assertThat(ran).as("commands run").isGreaterThanOrEqualTo(10);
    assertThat(exported).as("the demo's export lines").containsKeys("VIEWER", "IMPORTER", "RESPONDER",
        "APPROVER_PAYMENTS", "APPROVER_WEB", "AUDITOR", "ADMIN");
  }

  private void run(ReadmeExamples.Block block, ReadmeExamples.Example example) throws Exception {
    String where = "README.md:" + example.line() + " `" + example.command() + "`";
    Process process = bash(example.command()).start();
    String output = asInReadme(readAll(process.getInputStream()));
    Duration timeout = timeout(example.command());
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      failures.add(where + ": did not end within " + timeout);
      return;
    }
    if (block.kind().equals("sh") && process.exitValue() != 0) {
      failures.add(where + ": exit " + process.exitValue() + "\n" + output);
    }
    if (block.kind().equals("console") && !example.expected().isEmpty()) {
      OutputShape.mismatch(example.expected(), output).ifPresent(m -> failures.add(where + ": " + m));
    }
  }

  private static Duration timeout(String command) {
    Matcher bound = SELF_BOUNDED.matcher(command);
    return bound.find() ? Duration.ofSeconds(Long.parseLong(bound.group(1)) + 30) : COMMAND_TIMEOUT;
  }

  private ProcessBuilder bash(String command) {
    String onOurPorts = command;
    for (Map.Entry<Integer, Integer> p : ports.entrySet()) {
      onOurPorts = onOurPorts.replace("127.0.0.1:" + p.getKey(), "127.0.0.1:" + p.getValue())
          .replace("--http-port=" + p.getKey(), "--http-port=" + p.getValue()); // Keycloak's flag
    }
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", onOurPorts).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("BLASTGATE_") || k.startsWith("KC_"));
    env.put("BLASTGATE_HTTP_PORT", Integer.toString(port));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.putAll(exported);
    return builder;
  }

  /** The folder the README's commands run in: the fixtures, the Keycloak distribution and the launcher. */
  private void prepareFolder() throws IOException {
    Files.createSymbolicLink(work.resolve("fixtures"), Path.of("fixtures").toAbsolutePath());
    Files.createSymbolicLink(Files.createDirectories(work.resolve("target")).resolve("keycloak"),
        Path.of("target", "keycloak").toAbsolutePath());
    Path bin = Files.createDirectories(work.resolve("bin"));
    String java = ProcessHandle.current().info().command().orElse("java");
    String flags = System.getProperty("blastgate.neo4j.jvm.flags", "");
    // The program's own logging configuration, not the tests' (which is first on this classpath).
    String logging = Path.of("target/classes/logback.xml").toAbsolutePath().toString();
    String script = "#!/usr/bin/env bash\nexec '" + java + "' -Xms256m -Xmx1g " + flags
        + " '-Dlogback.configurationFile=" + logging + "' -cp '" + System.getProperty("java.class.path")
        + "' io.blastgate.cli.Main \"$@\"\n";
    Path launcher = bin.resolve("blastgate");
    Files.writeString(launcher, script);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
  }

  private void startBackground(ReadmeExamples.Example example) throws Exception {
    stopBackground();
    background = new Background(example, bash(example.command()).start());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + port + "/api/v1/health");
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline && background.process().isAlive()) {
      try {
        if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          waitForExports();
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    failures.add("README.md:" + example.line() + " `" + example.command() + "`: never answered on its port\n"
        + background.output());
    assertThat(failures).as("a server the README starts").isEmpty();
  }

  /** The demo prints its export lines once it serves; take them for the commands that follow. */
  private void waitForExports() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      for (String line : background.output().lines().toList()) {
        Matcher m = EXPORT.matcher(line);
        if (m.matches()) {
          exported.put(m.group(1), m.group(2));
        }
      }
      // The demo's last export line is ADMIN's: once it is read, every one before it is too.
      if (!background.example().command().contains(" demo") || exported.containsKey("ADMIN")) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
  }

  private void checkBackgroundOutput(ReadmeExamples.Block block) {
    String where = "README.md:" + block.line() + " (what `"
        + (background == null ? "?" : background.example().command()) + "` prints)";
    if (background == null) {
      failures.add(where + ": no command runs in the background here");
      return;
    }
    Optional<String> mismatch = OutputShape.mismatch(block.text(), asInReadme(background.output()));
    mismatch.ifPresent(m -> failures.add(where + ": " + m));
  }

  private void stopBackground() {
    if (background != null) {
      stopTree(background);
      background = null;
    }
  }

  /** Stops a command left running and every process it started (kc.sh and its Java, say): asked, then killed. */
  private static void stopTree(Background running) {
    List<ProcessHandle> tree = new ArrayList<>(running.process().descendants().toList());
    tree.add(running.process().toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly(); // did not end when asked
      }
    }
  }

  /** What a command printed, with this run's ports written as the README's. */
  private String asInReadme(String printed) {
    String shown = printed;
    for (Map.Entry<Integer, Integer> p : ports.entrySet()) {
      shown = shown.replace("127.0.0.1:" + p.getValue(), "127.0.0.1:" + p.getKey());
    }
    return shown;
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A command left running, and what it printed so far (read by a thread of its own). */
  private record Background(ReadmeExamples.Example example, Process process, StringBuffer printed) {
    Background(ReadmeExamples.Example example, Process process) {
      this(example, process, new StringBuffer());
      Thread.ofPlatform().daemon().start(() -> {
        try (var in = new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
          char[] buffer = new char[8192];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            printed.append(buffer, 0, n);
          }
        } catch (IOException e) {
          // the process ended
        }
      });
    }

    String output() {
      return printed.toString();
    }
  }
}
