package io.blastgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.graph.GraphSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

  @Test
  void defaultsGiveAnEmbeddedGraphOnLoopback() {
    AppConfig c = AppConfig.fromEnvironment(Map.of());
    assertThat(c.dataDir()).isEqualTo(Path.of("data"));
    assertThat(c.neo4jUri()).isEmpty();
    assertThat(c.neo4jUser()).isEqualTo("neo4j");
    assertThat(c.neo4jPassword()).isEmpty();
    assertThat(c.neo4jDatabase()).isEqualTo("neo4j");
    assertThat(c.neo4jPageCacheBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(c.boltPort()).isZero();
    assertThat(c.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.maxHops()).isEqualTo(50);
    assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.tokensFile()).isEmpty();
    assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(c.maxUploadBytes()).isEqualTo(512L * 1024 * 1024);
    GraphSettings g = c.graphSettings();
    assertThat(g.embedded()).isTrue();
    assertThat(g.dataDir()).isEqualTo(Path.of("data"));
  }

  @Test
  void valuesAreParsedWithTheirUnits() {
    AppConfig c =
        AppConfig.fromEnvironment(
            Map.of(
                "BLASTGATE_NEO4J_URI", "neo4j://db.internal:7687",
                "BLASTGATE_NEO4J_PASSWORD", "s3cret-value",
                "BLASTGATE_NEO4J_PAGECACHE", "1g",
                "BLASTGATE_QUERY_TIMEOUT", "500ms",
                "BLASTGATE_MAX_HOPS", "10",
                "BLASTGATE_HTTP_PORT", "0",
                "BLASTGATE_MAX_BODY_BYTES", "64k",
                "BLASTGATE_MAX_UPLOAD_BYTES", "2MiB"));
    assertThat(c.neo4jUri()).contains(URI.create("neo4j://db.internal:7687"));
    assertThat(c.neo4jPageCacheBytes()).isEqualTo(1L << 30);
    assertThat(c.queryTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.maxHops()).isEqualTo(10);
    assertThat(c.httpPort()).isZero();
    assertThat(c.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(c.maxUploadBytes()).isEqualTo(2 * 1024 * 1024);
    GraphSettings g = c.graphSettings();
    assertThat(g.embedded()).isFalse();
    assertThat(g.password().orElseThrow().value()).isEqualTo("s3cret-value");
    assertThat(g.queryTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void theSecretPrintsAsStars() {
    AppConfig c =
        AppConfig.fromEnvironment(
            Map.of("BLASTGATE_NEO4J_URI", "bolt://db:7687", "BLASTGATE_NEO4J_PASSWORD", "s3cret-value"));
    assertThat(c.toString()).contains("***").doesNotContain("s3cret-value");
    assertThat(c.graphSettings().toString()).doesNotContain("s3cret-value");
  }

  @Test
  void everyInvalidKeyIsListedAtOnceAndNoSecretIsShown() {
    InvalidConfiguration e =
        catchThrowableOfType(
            InvalidConfiguration.class,
            () ->
                AppConfig.forServer(
                    Map.ofEntries(
                        Map.entry("BLASTGATE_NEO4J_URI", "http://db:7474"),
                        Map.entry("BLASTGATE_NEO4J_PASSWORD", "s3cret-value"),
                        Map.entry("BLASTGATE_NEO4J_DATABASE", " "),
                        Map.entry("BLASTGATE_NEO4J_PAGECACHE", "lots"),
                        Map.entry("BLASTGATE_BOLT_PORT", "70000"),
                        Map.entry("BLASTGATE_QUERY_TIMEOUT", "30"),
                        Map.entry("BLASTGATE_MAX_HOPS", "9"),
                        Map.entry("BLASTGATE_HTTP_HOST", ""),
                        Map.entry("BLASTGATE_HTTP_PORT", "http"),
                        Map.entry("BLASTGATE_MAX_BODY_BYTES", "0"),
                        Map.entry("BLASTGATE_MAX_UPLOAD_BYTES", "99999999999999999999"))));
    assertThat(e.problems())
        .extracting(p -> p.split("[ :]")[0])
        .containsExactly(
            "BLASTGATE_NEO4J_URI",
            "BLASTGATE_NEO4J_DATABASE",
            "BLASTGATE_NEO4J_PAGECACHE",
            "BLASTGATE_BOLT_PORT",
            "BLASTGATE_QUERY_TIMEOUT",
            "BLASTGATE_MAX_HOPS",
            "BLASTGATE_HTTP_HOST",
            "BLASTGATE_HTTP_PORT",
            "BLASTGATE_TOKENS_FILE",
            "BLASTGATE_MAX_BODY_BYTES",
            "BLASTGATE_MAX_UPLOAD_BYTES");
    assertThat(e.getMessage()).contains("11 problems").doesNotContain("s3cret-value");
    assertThat(e.problems().get(0)).contains("'http://db:7474'");
    assertThat(e.problems().get(5)).contains("from 10 to");
  }

  @Test
  void aUriWithoutPasswordAndAPasswordWithoutUriAreBothErrors() {
    assertThat(
            catchThrowableOfType(
                    InvalidConfiguration.class,
                    () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_NEO4J_URI", "bolt://db:7687")))
                .problems())
        .singleElement()
        .asString()
        .startsWith("BLASTGATE_NEO4J_PASSWORD")
        .contains("required");
    assertThat(
            catchThrowableOfType(
                    InvalidConfiguration.class,
                    () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_NEO4J_PASSWORD", "hunter2")))
                .problems())
        .singleElement()
        .asString()
        .contains("only used with BLASTGATE_NEO4J_URI")
        .doesNotContain("hunter2");
  }

  @Test
  void servingNeedsAReadableTokensFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> AppConfig.forServer(Map.of("BLASTGATE_TOKENS_FILE", dir.resolve("none.yaml").toString())))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("no readable file");
    Path tokens = Files.writeString(dir.resolve("tokens.yaml"), "tokens: []\n");
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
    assertThat(AppConfig.forServer(Map.of("BLASTGATE_TOKENS_FILE", tokens.toString())).tokensFile())
        .contains(tokens);
  }

  /** It was served from without a word; it fails closed, saying the file and the command that fixes it. */
  @Test
  void servingRefusesATokensFileThatGroupOrOthersMayRead(@TempDir Path dir) throws IOException {
    Path tokens = Files.writeString(dir.resolve("tokens.yaml"), "tokens: []\n");
    for (String open : new String[] {"rw-r--r--", "rw-r-----", "rw-----w-"}) {
      Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString(open));
      InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class,
          () -> AppConfig.forServer(Map.of("BLASTGATE_TOKENS_FILE", tokens.toString())));
      assertThat(e.problems()).containsExactly("BLASTGATE_TOKENS_FILE (in the environment): " + tokens
          + " is open to group or others (" + open + "); make it the service's own: chmod 600 " + tokens);
    }
    // Any other command reads it as it is (it does not serve).
    assertThat(AppConfig.fromEnvironment(Map.of("BLASTGATE_TOKENS_FILE", tokens.toString())).tokensFile()).contains(tokens);
  }

  @Test
  void aFileGivesTheSameKeysDottedAndTheEnvironmentWins(@TempDir Path dir) throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("blastgate.yaml"),
            """
            blastgate:
              http:
                port: 9090
                host: 0.0.0.0
            blastgate.max.hops: 12
            """);
    AppConfig c =
        AppConfig.fromEnvironment(
            Map.of("BLASTGATE_CONFIG", yaml.toString(), "BLASTGATE_HTTP_HOST", "127.0.0.2"));
    assertThat(c.httpPort()).isEqualTo(9090);
    assertThat(c.maxHops()).isEqualTo(12);
    assertThat(c.httpHost()).isEqualTo("127.0.0.2");

    Path properties =
        Files.writeString(dir.resolve("blastgate.properties"), "blastgate.neo4j.database=graph\n");
    assertThat(AppConfig.fromEnvironment(Map.of("BLASTGATE_CONFIG", properties.toString())).neo4jDatabase())
        .isEqualTo("graph");
  }

  @Test
  void aFileWithUnknownOrBadKeysIsListedWithTheFileName(@TempDir Path dir) throws IOException {
    Path yaml =
        Files.writeString(dir.resolve("bad.yaml"), "blastgate:\n  http:\n    prot: 1\n  max:\n    hops: 3\n");
    InvalidConfiguration e =
        catchThrowableOfType(
            InvalidConfiguration.class, () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_CONFIG", yaml.toString())));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).startsWith("blastgate.http.prot (in " + yaml + "): unknown key");
    assertThat(e.problems().get(1)).startsWith("blastgate.max.hops (in " + yaml + "): must be an integer from 10");
    assertThat(
            catchThrowableOfType(
                    InvalidConfiguration.class,
                    () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_CONFIG", dir.resolve("missing.yaml").toString())))
                .problems())
        .singleElement()
        .asString()
        .startsWith("BLASTGATE_CONFIG: cannot read");
  }

  @Test
  void docsConfigurationMdDocumentsEveryKey() throws IOException {
    String doc = Files.readString(Path.of("docs/configuration.md"));
    assertThat(Arrays.stream(ConfigKey.values()))
        .allSatisfy(k -> assertThat(doc).contains("`" + k.envName() + "`").contains("`" + k.fileName() + "`"));
    assertThat(doc).contains("`" + ConfigKey.CONFIG_FILE_VARIABLE + "`");
  }
}
