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
 * <p>Two things differ from a reader's terminal, and only these: {@code bin/blastgate} is the same
 * program from this build's classes (the real script would build the jar, which {@code verify} makes
 * only after the tests, with the program's logging configuration, not the tests'), and the servers
 * listen on a free port instead of 8080, so every {@code 127.0.0.1:8080} of a command is that port
 * (and of its output, 8080 again). The fresh folder holds {@code fixtures/} (a link to the
 * repository's) and that launcher, nothing else.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern EXPORT = Pattern.compile("^\\s*export (\\w+)=(\\S+)\\s*$");
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  @TempDir Path work;

  private final Map<String, String> exported = new HashMap<>();
  private final List<String> failures = new ArrayList<>();
  private int port;
  private Background background;

  @Test
  void everyExampleRunsAsWrittenAndPrintsWhatTheReadmeShows() throws Exception {
    port = freePort();
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
          } else {
            run(block, examples.get(i));
          }
          ran++;
        }
      }
    } finally {
      stopBackground();
      Files.deleteIfExists(work.resolve("fixtures")); // the link, not the repository's folder
    }
    assertThat(failures).as("README examples that do not run as written").isEmpty();
    assertThat(ran).as("commands run").isGreaterThanOrEqualTo(10);
    assertThat(exported).as("the demo's export lines").containsKeys("VIEWER", "IMPORTER", "RESPONDER",
        "APPROVER_PAYMENTS", "APPROVER_WEB", "AUDITOR", "ADMIN");
  }

  private void run(ReadmeExamples.Block block, ReadmeExamples.Example example) throws Exception {
    String where = "README.md:" + example.line() + " `" + example.command() + "`";
    Process process = bash(example.command()).start();
    String output = asOnPort8080(readAll(process.getInputStream()));
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      failures.add(where + ": did not end within " + COMMAND_TIMEOUT);
      return;
    }
    if (block.kind().equals("sh") && process.exitValue() != 0) {
      failures.add(where + ": exit " + process.exitValue() + "\n" + output);
    }
    if (block.kind().equals("console") && !example.expected().isEmpty()) {
      OutputShape.mismatch(example.expected(), output).ifPresent(m -> failures.add(where + ": " + m));
    }
  }

  private ProcessBuilder bash(String command) {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", command.replace("127.0.0.1:8080", "127.0.0.1:" + port))
            .directory(work.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("BLASTGATE_"));
    env.put("BLASTGATE_HTTP_PORT", Integer.toString(port));
    env.putAll(exported);
    return builder;
  }

  /** The folder the README's commands run in: the fixtures and the launcher. */
  private void prepareFolder() throws IOException {
    Files.createSymbolicLink(work.resolve("fixtures"), Path.of("fixtures").toAbsolutePath());
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
    Optional<String> mismatch = OutputShape.mismatch(block.text(), asOnPort8080(background.output()));
    mismatch.ifPresent(m -> failures.add(where + ": " + m));
  }

  private void stopBackground() throws InterruptedException {
    if (background != null) {
      background.process().descendants().forEach(ProcessHandle::destroy);
      background.process().destroy();
      if (!background.process().waitFor(30, TimeUnit.SECONDS)) {
        background.process().destroyForcibly();
      }
      background = null;
    }
  }

  /** What a command printed, with this run's port written as the README's. */
  private String asOnPort8080(String printed) {
    return printed.replace("127.0.0.1:" + port, "127.0.0.1:8080");
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
