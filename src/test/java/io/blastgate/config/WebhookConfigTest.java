package io.blastgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookConfigTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-webhook";

  @Test
  void withoutAUrlThereIsNoWebhook() {
    assertThat(AppConfig.fromEnvironment(Map.of()).webhook()).isEmpty();
  }

  @Test
  void aWebhookIsReadAndItsSecretPrintsAsStars() {
    AppConfig c = AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_WEBHOOK_URL", "https://soar.example/hooks/blastgate",
        "BLASTGATE_WEBHOOK_SECRET", SECRET,
        "BLASTGATE_WEBHOOK_ATTEMPTS", "7"));
    WebhookConfig webhook = c.webhook().orElseThrow();
    assertThat(webhook.url()).isEqualTo(URI.create("https://soar.example/hooks/blastgate"));
    assertThat(webhook.secret().value()).isEqualTo(SECRET);
    assertThat(webhook.attempts()).isEqualTo(7);
    assertThat(c.toString()).contains("***").doesNotContain(SECRET);
    assertThat(AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_WEBHOOK_URL", "http://127.0.0.1:9000/hook", "BLASTGATE_WEBHOOK_SECRET", SECRET))
        .webhook().orElseThrow().attempts()).isEqualTo(5);
  }

  @Test
  void theSecretMayComeFromAFileOfTheServicesOwn(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("webhook-secret"), SECRET + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env =
        Map.of("BLASTGATE_WEBHOOK_URL", "https://soar.example/hook", "BLASTGATE_WEBHOOK_SECRET_FILE", file.toString());
    assertThat(AppConfig.fromEnvironment(env).webhook().orElseThrow().secret().value()).isEqualTo(SECRET);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(catchThrowableOfType(InvalidConfiguration.class, () -> AppConfig.fromEnvironment(env)).problems())
        .singleElement().asString()
        .startsWith("BLASTGATE_WEBHOOK_SECRET_FILE")
        .contains("chmod 600")
        .doesNotContain(SECRET);
  }

  @Test
  void everyWebhookProblemIsListedAndNoSecretIsShown() {
    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class, () -> AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_WEBHOOK_URL", "http://soar.example/hook",
        "BLASTGATE_WEBHOOK_SECRET", "too-short-secret",
        "BLASTGATE_WEBHOOK_ATTEMPTS", "0")));
    assertThat(e.problems())
        .extracting(p -> p.split("[ :]")[0])
        .containsExactly("BLASTGATE_WEBHOOK_ATTEMPTS", "BLASTGATE_WEBHOOK_URL", "BLASTGATE_WEBHOOK_SECRET");
    assertThat(e.problems().get(1)).contains("must use https").contains("'http://soar.example/hook'");
    assertThat(e.problems().get(2)).contains("at least 32 characters");
    assertThat(e.getMessage()).doesNotContain("too-short-secret");
  }

  @Test
  void aUrlWithAPasswordIsRefusedAndMasked() {
    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class, () -> AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_WEBHOOK_URL", "https://bot:hunter2@soar.example/hook", "BLASTGATE_WEBHOOK_SECRET", SECRET)));
    assertThat(e.problems()).singleElement().asString()
        .contains("must not hold a user or password")
        .contains("https://***@soar.example/hook")
        .doesNotContain("hunter2");
  }

  @Test
  void aSecretNeedsAUrlAndOnlyOneSecretMayBeGiven(@TempDir Path dir) {
    assertThat(catchThrowableOfType(InvalidConfiguration.class,
            () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_WEBHOOK_SECRET", SECRET))).problems())
        .singleElement().asString()
        .contains("only used with BLASTGATE_WEBHOOK_URL")
        .doesNotContain(SECRET);
    assertThat(catchThrowableOfType(InvalidConfiguration.class,
            () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_WEBHOOK_URL", "https://soar.example/hook"))).problems())
        .singleElement().asString()
        .startsWith("BLASTGATE_WEBHOOK_SECRET")
        .contains("required");
    assertThat(catchThrowableOfType(InvalidConfiguration.class, () -> AppConfig.fromEnvironment(Map.of(
            "BLASTGATE_WEBHOOK_URL", "https://soar.example/hook",
            "BLASTGATE_WEBHOOK_SECRET", SECRET,
            "BLASTGATE_WEBHOOK_SECRET_FILE", dir.resolve("s").toString()))).problems())
        .singleElement().asString()
        .contains("not both");
  }
}
