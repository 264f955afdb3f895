package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.gate.WebhookAttempt.Accepted;
import io.blastgate.gate.WebhookAttempt.Refused;
import io.blastgate.gate.WebhookAttempt.Retryable;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How each answer of a receiver is sorted: done, tried again, or failed at once. */
class WebhookAttemptTest {
  @Test
  void everySuccessIsAccepted() {
    for (int status : new int[] {200, 201, 202, 204}) {
      assertThat(WebhookAttempt.ofAnswer(status, Optional.empty(), "")).isEqualTo(new Accepted(status));
    }
  }

  @Test
  void serverErrorsTimeoutsAndTooManyRequestsAreTriedAgain() {
    for (int status : new int[] {500, 502, 503, 504, 408, 429}) {
      assertThat(WebhookAttempt.ofAnswer(status, Optional.empty(), ""))
          .isEqualTo(new Retryable("answered " + status));
    }
  }

  @Test
  void retryAfterCountsOnlyInSeconds() {
    assertThat(WebhookAttempt.ofAnswer(429, Optional.of(" 12 "), ""))
        .isEqualTo(new Retryable("answered 429", Optional.of(Duration.ofSeconds(12))));
    assertThat(WebhookAttempt.ofAnswer(503, Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), ""))
        .isEqualTo(new Retryable("answered 503"));
    assertThat(WebhookAttempt.ofAnswer(503, Optional.of("-1"), "")).isEqualTo(new Retryable("answered 503"));
  }

  @Test
  void anyOtherAnswerFailsAtOnceAndSaysWhy() {
    assertThat(WebhookAttempt.ofAnswer(400, Optional.empty(), "bad action"))
        .isEqualTo(new Refused("answered 400 (\"bad action\")"));
    assertThat(WebhookAttempt.ofAnswer(404, Optional.empty(), "")).isEqualTo(new Refused("answered 404"));
    assertThat(WebhookAttempt.ofAnswer(409, Optional.empty(), ""))
        .isEqualTo(new Refused("answered 409, a conflict, which is not counted as done"));
    assertThat(WebhookAttempt.ofAnswer(302, Optional.empty(), ""))
        .isEqualTo(new Refused("answered 302, a redirect, which is not followed"));
  }

  @Test
  void anExcerptKeepsPrintableTextOnlyAndMasksTheSecret() {
    String secret = WebhookExecutorTest.SECRET;
    byte[] body = ("line one\r\n\tline\u0007 two " + secret + " " + "z".repeat(200)).getBytes();
    String excerpt = ReceiverExcerpt.of(body, secret);
    assertThat(excerpt).startsWith("line one line two *** zzz").endsWith("…").doesNotContain(secret);
    assertThat(excerpt.length()).isEqualTo(ReceiverExcerpt.MAX_CHARS + 1);
  }
}
