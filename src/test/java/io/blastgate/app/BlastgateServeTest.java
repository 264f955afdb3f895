package io.blastgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.graph.GraphConnection;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The way main starts the API: from the configuration, with an embedded graph, cleaning up on failure. */
class BlastgateServeTest {

  /**
   * The data folder was left readable by everyone, and uploads stayed in the machine's temporary
   * folder after a crash. A start makes the data folder private, and empties the spool in it, saying so.
   */
  @Test
  void aStartMakesTheDataFolderPrivateAndEmptiesTheSpoolThatACrashLeft(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path spool = Files.createDirectories(data.resolve("spool"));
    Files.writeString(spool.resolve("upload-1.json"), "{\"source\": \"left by a crash\"}");
    Files.createDirectories(spool.resolve("unpacked-2")).resolve("owners.csv").toFile().createNewFile();
    Path tokensFile = dir.resolve("tokens.yaml");
    TokenStore.append(tokensFile, TokenStore.generate("viewer", "person:ana", Set.of(Role.VIEWER)).entry());
    Map<String, String> env = Map.of(
        "BLASTGATE_DATA_DIR", data.toString(),
        "BLASTGATE_NEO4J_PAGECACHE", "16m",
        "BLASTGATE_HTTP_PORT", "0",
        "BLASTGATE_TOKENS_FILE", tokensFile.toString());

    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger blastgate = (Logger) LoggerFactory.getLogger("io.blastgate");
    Level before = blastgate.getLevel();
    root.addAppender(log);
    blastgate.setLevel(Level.INFO);
    try (Blastgate.Server server = Blastgate.serve(AppConfig.forServer(env), "0.1.0")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rwx------");
      try (Stream<Path> left = Files.list(spool)) {
        assertThat(left).isEmpty();
      }
    } finally {
      root.detachAppender(log);
      blastgate.setLevel(before);
    }
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).contains(
        "the data folder " + data.toAbsolutePath() + " was open to group or others (rwxr-xr-x); made it private to this user",
        "removed 2 upload(s) that an earlier run left in the spool " + data.resolve("spool"));
  }

  @Test
  void startsFromTheConfigurationAndAFailedStartReleasesTheGraph(@TempDir Path dir) throws Exception {
    Path tokensFile = dir.resolve("tokens.yaml");
    GeneratedToken viewer = TokenStore.generate("viewer", "person:ana", Set.of(Role.VIEWER));
    TokenStore.append(tokensFile, viewer.entry());
    Map<String, String> env =
        Map.of(
            "BLASTGATE_DATA_DIR", dir.resolve("data").toString(),
            "BLASTGATE_NEO4J_PAGECACHE", "16m",
            "BLASTGATE_HTTP_PORT", "0",
            "BLASTGATE_TOKENS_FILE", tokensFile.toString());

    try (Blastgate.Server server = Blastgate.serve(AppConfig.forServer(env), "0.1.0")) {
      HttpClient client = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + server.port());
      HttpResponse<String> health =
          client.send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"graph\":\"up\",\"version\":\"0.1.0\"}");
      HttpResponse<String> search =
          client.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/entities?q=stripe"))
                  .header("Authorization", "Bearer " + viewer.token())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(search.statusCode()).isEqualTo(200);

      // A second server on the same HTTP port cannot bind; it must not leave its graph open.
      Map<String, String> clash =
          Map.of(
              "BLASTGATE_DATA_DIR", dir.resolve("data2").toString(),
              "BLASTGATE_NEO4J_PAGECACHE", "16m",
              "BLASTGATE_HTTP_PORT", Integer.toString(server.port()),
              "BLASTGATE_TOKENS_FILE", tokensFile.toString());
      assertThatThrownBy(() -> Blastgate.serve(AppConfig.forServer(clash), "0.1.0"))
          .isInstanceOf(RuntimeException.class);
      // Its data folder is free again: the embedded Neo4j of the failed start was shut down.
      try (GraphConnection again = GraphConnection.open(AppConfig.fromEnvironment(clash).graphSettings())) {
        assertThat(again.graph().ping()).isTrue();
      }
    }
  }

  /** A policy file is put in force at start-up; an invalid one stops the start with every problem. */
  @Test
  void aPolicyFileIsInForceFromTheStartAndABadOneStopsIt(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("policy.yaml");
    java.nio.file.Files.writeString(policy, """
        version: from-a-file
        confidence: {medium_from: 0.4, high_from: 0.9}
        approvals: {default: 1, critical: 2}
        identity_kinds:
          default:
            soft: {execute_up_to: {impacted: 1}}
            hard: {execute_up_to: {impacted: 0}}
        """);
    Map<String, String> env = Map.of(
        "BLASTGATE_DATA_DIR", dir.resolve("data").toString(),
        "BLASTGATE_NEO4J_PAGECACHE", "16m",
        "BLASTGATE_POLICY_FILE", policy.toString());
    try (Blastgate program = Blastgate.open(AppConfig.fromEnvironment(env))) {
      assertThat(program.services().gate().policies().current().version()).isEqualTo("from-a-file");
    }
    java.nio.file.Files.writeString(policy, "version: broken\nconfidence: {medium_from: 2}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Blastgate.open(AppConfig.fromEnvironment(env)))
        .isInstanceOf(io.blastgate.error.BlastgateException.InvalidConfiguration.class)
        .hasMessageContaining("the policy of BLASTGATE_POLICY_FILE is not valid")
        .hasMessageContaining("/confidence/medium_from");
    // The failed start released the graph: it opens again, with the policy in force before.
    java.nio.file.Files.delete(policy);
    Map<String, String> without = Map.of(
        "BLASTGATE_DATA_DIR", dir.resolve("data").toString(), "BLASTGATE_NEO4J_PAGECACHE", "16m");
    try (Blastgate program = Blastgate.open(AppConfig.fromEnvironment(without))) {
      assertThat(program.services().gate().policies().current().version()).isEqualTo("from-a-file");
    }
  }
}
