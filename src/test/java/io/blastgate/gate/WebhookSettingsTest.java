package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {
  static final String SECRET = WebhookExecutorTest.SECRET;

  @Test
  void theDefaultsAreFiveAttemptsFromHalfASecondDoublingAndTenSecondsPerAttempt() {
    WebhookSettings settings = new WebhookSettings(URI.create("https://soar.example/hook"), SECRET);
    assertThat(settings.attempts()).isEqualTo(5);
    assertThat(settings.firstBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(settings::backoffAfter).map(Duration::toMillis))
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
  }

  @Test
  void theSecretPrintsAsStars() {
    WebhookSettings settings = new WebhookSettings(URI.create("https://soar.example/hook"), SECRET);
    assertThat(settings.toString()).contains("secret=***").doesNotContain(SECRET);
  }

  @Test
  void httpIsForThisMachineOnly() {
    for (String url : new String[] {"http://127.0.0.1:9/h", "http://localhost/h", "http://[::1]:8/h", "https://a.example/h"}) {
      assertThat(new WebhookSettings(URI.create(url), SECRET).url()).hasToString(url);
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WebhookSettings(URI.create("http://soar.example/hook"), SECRET))
        .withMessageContaining("must use https");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WebhookSettings(URI.create("ftp://soar.example/hook"), SECRET))
        .withMessageContaining("must be an https:// URL");
  }

  @Test
  void aUrlWithUserInfoIsRefusedWithoutShowingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WebhookSettings(URI.create("https://bot:hunter2@soar.example/hook"), SECRET))
        .withMessageContaining("must not hold a user or password")
        .withMessageNotContaining("hunter2");
  }

  @Test
  void aShortSecretAndImpossibleAttemptsAreRefused() {
    URI url = URI.create("https://soar.example/hook");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WebhookSettings(url, "short-secret"))
        .withMessage("the webhook's secret must have at least 32 characters");
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(url, SECRET, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(url, SECRET, 21));
  }
}
