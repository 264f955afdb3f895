package io.blastgate.gate;

import io.blastgate.error.Redacted;
import io.blastgate.model.WebhookRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link WebhookExecutor} delivers: the receiver's URL (https, or http to this machine
 * only), the secret shared with the receiver for the signature (at least 32 characters,
 * {@link WebhookRules}; it prints as {@code ***}), how many attempts a delivery gets, the backoff between them
 * (doubling from {@code firstBackoff}, at most {@code maxBackoff}), the most a {@code Retry-After} may
 * make it wait, and how long one attempt may take. docs/executors.md describes the delivery.
 */
public record WebhookSettings(
    URI url,
    String secret,
    int attempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration requestTimeout) {

  public static final int DEFAULT_ATTEMPTS = WebhookRules.DEFAULT_ATTEMPTS;
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public WebhookSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    WebhookRules.urlProblem(url).ifPresent(why -> {
      throw new IllegalArgumentException("the webhook's URL " + why + ": " + Redacted.uri(url));
    });
    if (!WebhookRules.secretLongEnough(secret)) {
      throw new IllegalArgumentException(
          "the webhook's secret must have at least " + WebhookRules.MIN_SECRET_LENGTH + " characters");
    }
    if (!WebhookRules.attemptsAllowed(attempts)) {
      throw new IllegalArgumentException(
          "a webhook delivery gets 1 to " + WebhookRules.MAX_ATTEMPTS + " attempts, not " + attempts);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("the webhook's backoff must be 0 <= first <= max");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("the webhook's request timeout must be positive");
    }
  }

  /** The defaults: 5 attempts, 500 ms doubling up to 30 s, Retry-After up to 60 s, 10 s per attempt. */
  public WebhookSettings(URI url, String secret, int attempts) {
    this(url, secret, attempts, DEFAULT_FIRST_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER,
        DEFAULT_REQUEST_TIMEOUT);
  }

  public WebhookSettings(URI url, String secret) {
    this(url, secret, DEFAULT_ATTEMPTS);
  }

  public WebhookSettings withRequestTimeout(Duration timeout) {
    return new WebhookSettings(url, secret, attempts, firstBackoff, maxBackoff, maxRetryAfter, timeout);
  }

  /** How long to wait after the failed attempt {@code attempt} (from 1): doubling, at most the cap. */
  Duration backoffAfter(int attempt) {
    Duration wait = firstBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  /** A receiver's Retry-After, at most {@link #maxRetryAfter()}. */
  Duration retryAfterCapped(Duration asked) {
    return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
  }

  byte[] secretBytes() {
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "WebhookSettings[url=" + Redacted.uri(url) + ", secret=***, attempts=" + attempts
        + ", firstBackoff=" + firstBackoff + ", maxBackoff=" + maxBackoff + ", maxRetryAfter="
        + maxRetryAfter + ", requestTimeout=" + requestTimeout + "]";
  }
}
