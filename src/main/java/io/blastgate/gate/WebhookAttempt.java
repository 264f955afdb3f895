package io.blastgate.gate;

import java.time.Duration;
import java.util.Optional;

/**
 * How one delivery attempt ended: the receiver accepted it (2xx); refused it for good (another answer,
 * which a retry would not change); or it may succeed later (5xx, 408, 429, no connection, no answer in
 * time), after the receiver's {@code Retry-After} when it gave one in seconds.
 */
sealed interface WebhookAttempt {
  record Accepted(int status) implements WebhookAttempt {}

  record Refused(String why) implements WebhookAttempt {}

  record Retryable(String why, Optional<Duration> retryAfter) implements WebhookAttempt {
    Retryable(String why) {
      this(why, Optional.empty());
    }
  }

  /** Sorts the receiver's answer; {@code excerpt} is its body, short and sanitised ("" when empty). */
  static WebhookAttempt ofAnswer(int status, Optional<String> retryAfterHeader, String excerpt) {
    String answered = "answered " + status + (excerpt.isEmpty() ? "" : " (\"" + excerpt + "\")");
    if (status >= 200 && status < 300) {
      return new Accepted(status);
    }
    if (status >= 500 || status == 408 || status == 429) {
      return new Retryable(answered, retryAfterHeader.flatMap(WebhookAttempt::seconds));
    }
    if (status == 409) {
      // The recommended receiver answers 200 with its earlier result for a key it knows; a 409 says
      // nothing certain about whether the action was done, so it is not counted as done.
      return new Refused(answered + ", a conflict, which is not counted as done");
    }
    if (status >= 300 && status < 400) {
      return new Refused(answered + ", a redirect, which is not followed");
    }
    return new Refused(answered);
  }

  /** {@code Retry-After} in seconds; an HTTP date or anything else is ignored (the backoff applies). */
  private static Optional<Duration> seconds(String header) {
    String value = header.strip();
    if (!value.matches("\\d{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
  }
}
