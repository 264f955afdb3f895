package io.blastgate.gate;

import io.blastgate.gate.WebhookAttempt.Accepted;
import io.blastgate.gate.WebhookAttempt.Refused;
import io.blastgate.gate.WebhookAttempt.Retryable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an order to a webhook (a SOAR, an identity provider's automation) as a signed JSON POST,
 * docs/executors.md: the same {@code Idempotency-Key} on every attempt, a new timestamp and signature
 * on each; a 2xx is done; 5xx, 408, 429, no connection and no answer in time are tried again after a
 * doubling backoff (or the receiver's {@code Retry-After}), up to the settings' attempts; any other
 * answer fails at once. A delivery that was not accepted is {@code failed}, never done. Neither the
 * secret nor the URL (whose path may hold a token) appears in a result or a log line; only the host.
 */
public final class WebhookExecutor implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookExecutor.class);

  private final WebhookSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HttpClient client;
  private final byte[] secret;

  /** For the running program: the system clock, and the thread sleeps between attempts. */
  public WebhookExecutor(WebhookSettings settings) {
    this(settings, Clock.systemUTC(), Sleeper.THREAD);
  }

  /** With the clock that stamps each attempt and what waits between attempts (a test's own). */
  public WebhookExecutor(WebhookSettings settings, Clock clock, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.secret = settings.secretBytes();
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.requestTimeout())
        .build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  /** A webhook receives every order; what to do with it is the receiver's to decide. */
  @Override
  public boolean handles(ExecutionOrder order) {
    return true;
  }

  @Override
  public ExecutionResult execute(ExecutionOrder order) {
    List<String> failures = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      WebhookAttempt outcome;
      try {
        outcome = deliver(order);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return interrupted(order, attempt);
      }
      log(order, attempt, outcome);
      switch (outcome) {
        case Accepted accepted -> {
          return ExecutionResult.done("the webhook accepted the delivery (" + accepted.status() + ")", attempt);
        }
        case Refused refused -> {
          return ExecutionResult.failed("the webhook refused the delivery: it " + refused.why(), attempt);
        }
        case Retryable retryable -> {
          failures.add(retryable.why());
          if (attempt >= settings.attempts()) {
            return ExecutionResult.failed(exhausted(failures), attempt);
          }
          Duration wait =
              retryable.retryAfter().map(settings::retryAfterCapped).orElse(settings.backoffAfter(attempt));
          try {
            sleeper.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted(order, attempt);
          }
        }
      }
    }
  }

  /** One attempt: a new timestamp, body and signature; the same idempotency key. */
  private WebhookAttempt deliver(ExecutionOrder order) throws InterruptedException {
    long timestamp = clock.instant().getEpochSecond();
    byte[] body = WebhookBody.of(order, Instant.ofEpochSecond(timestamp));
    HttpRequest request = HttpRequest.newBuilder(settings.url())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header(WebhookSignature.IDEMPOTENCY_HEADER, order.idempotencyKey())
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String excerpt;
      try (InputStream answer = response.body()) {
        excerpt = ReceiverExcerpt.of(answer.readNBytes(ReceiverExcerpt.MAX_BYTES), settings.secret());
      }
      return WebhookAttempt.ofAnswer(
          response.statusCode(), response.headers().firstValue("Retry-After"), excerpt);
    } catch (HttpConnectTimeoutException e) {
      return new Retryable("could not connect within " + seconds(settings.requestTimeout()));
    } catch (HttpTimeoutException e) {
      return new Retryable("did not answer within " + seconds(settings.requestTimeout()));
    } catch (ConnectException e) {
      return new Retryable("could not be reached (connection refused)");
    } catch (SSLException e) {
      // A certificate that is not trusted does not become trusted by trying again.
      return new Refused("could not be reached securely (the TLS handshake failed)");
    } catch (IOException e) {
      return new Retryable("closed the connection before answering");
    }
  }

  /** "the webhook answered 503 on each of 5 attempts", or each attempt's failure in order. */
  private static String exhausted(List<String> failures) {
    if (failures.stream().distinct().count() == 1) {
      return "the webhook " + failures.getFirst() + " on each of " + failures.size() + " attempt"
          + (failures.size() == 1 ? "" : "s");
    }
    return "the webhook did not accept the delivery in " + failures.size() + " attempts: it "
        + String.join("; then ", failures);
  }

  private static ExecutionResult interrupted(ExecutionOrder order, int attempt) {
    LOG.warn("webhook delivery for request {} interrupted at attempt {}", order.requestId(), attempt);
    return ExecutionResult.failed(
        "interrupted before the webhook accepted the delivery (the receiver may have acted on an"
            + " attempt; a new delivery with the same Idempotency-Key is safe)",
        attempt);
  }

  private void log(ExecutionOrder order, int attempt, WebhookAttempt outcome) {
    String what = switch (outcome) {
      case Accepted accepted -> "accepted (" + accepted.status() + ")";
      case Refused refused -> refused.why();
      case Retryable retryable -> retryable.why();
    };
    LOG.info("webhook on {}: request {} attempt {} of {}: {}",
        settings.url().getHost(), order.requestId(), attempt, settings.attempts(), what);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  @Override
  public void close() {
    client.close();
  }
}
