package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.gate.WebhookReceiver.Delivery;
import io.blastgate.gate.WebhookReceiver.Scripted;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook executor against a real receiver on this machine ({@link WebhookReceiver}), which checks
 * every signature itself. Waits between attempts go through a recording sleeper: the backoff is
 * observed as the durations asked for, never as time passing.
 */
class WebhookExecutorTest {
  static final String SECRET = "whsec-0123456789abcdef0123456789abcdef-test";
  static final ExecutionOrder ORDER = new ExecutionOrder("req-1", "key-1", "suspend", "identity:svc-payments",
      "Identity", "service_account", false, Instant.parse("2026-12-02T12:00:00Z"), "person:ana",
      "token used from two continents");

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private WebhookReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = WebhookReceiver.start(SECRET);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private WebhookExecutor executor(URI url, String secret, Clock clock) {
    return new WebhookExecutor(new WebhookSettings(url, secret), clock, sleeps::add);
  }

  private WebhookExecutor executor() {
    return executor(receiver.url(), SECRET, Clock.systemUTC());
  }

  @Test
  void aDeliveryIsSignedVerifiedAndActedOnOnce() throws Exception {
    ExecutionResult result;
    try (WebhookExecutor webhook = executor()) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail()).isEqualTo("the webhook accepted the delivery (200)");
    assertThat(receiver.actions()).isEqualTo(1);
    Delivery delivery = receiver.deliveries().getFirst();
    assertThat(delivery.answered()).isEqualTo(200);
    assertThat(delivery.contentType()).isEqualTo("application/json");
    assertThat(delivery.idempotencyKey()).isEqualTo("key-1");
    assertThat(delivery.signature()).matches("v1=[0-9a-f]{64}");
    JsonNode body = new ObjectMapper().readTree(delivery.body());
    assertThat(body.get("event").asText()).isEqualTo("execute");
    assertThat(body.get("request_id").asText()).isEqualTo("req-1");
    assertThat(body.get("idempotency_key").asText()).isEqualTo("key-1");
    assertThat(body.get("action").asText()).isEqualTo("suspend");
    assertThat(body.get("target").get("id").asText()).isEqualTo("identity:svc-payments");
    assertThat(body.get("target").get("label").asText()).isEqualTo("Identity");
    assertThat(body.get("target").get("kind").asText()).isEqualTo("service_account");
    assertThat(body.get("expires_at").asText()).isEqualTo("2026-12-02T12:00:00Z");
    assertThat(body.get("requester").asText()).isEqualTo("person:ana");
    assertThat(body.get("reason").asText()).isEqualTo("token used from two continents");
    assertThat(Instant.parse(body.get("sent_at").asText()).getEpochSecond())
        .isEqualTo(Long.parseLong(delivery.timestamp()));
  }

  @Test
  void anUndoSaysSoAndAnAbsentExpiryIsNull() throws Exception {
    ExecutionOrder undo = new ExecutionOrder(
        "req-2", "key-2", "disable_identity", "identity:bob", "Identity", null, true, null, "person:ana", "");
    try (WebhookExecutor webhook = executor()) {
      assertThat(webhook.execute(undo).succeeded()).isTrue();
    }
    JsonNode body = new ObjectMapper().readTree(receiver.deliveries().getFirst().body());
    assertThat(body.get("event").asText()).isEqualTo("undo");
    assertThat(body.get("expires_at").isNull()).isTrue();
    assertThat(body.get("target").get("kind").isNull()).isTrue();
  }

  @Test
  void aWrongSecretIsRefusedAndRecordedAsFailed() {
    ExecutionResult result;
    try (WebhookExecutor webhook =
        executor(receiver.url(), "another-secret-of-more-than-32-characters", Clock.systemUTC())) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail())
        .isEqualTo("the webhook refused the delivery: it answered 401 (\"{'error':'bad signature'}\")");
    assertThat(receiver.actions()).isZero();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aTimestampOlderThanFiveMinutesIsRefused() {
    Clock tenMinutesLate = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
    ExecutionResult result;
    try (WebhookExecutor webhook = executor(receiver.url(), SECRET, tenMinutesLate)) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.detail()).contains("answered 401").contains("timestamp outside the tolerance");
    assertThat(receiver.actions()).isZero();
  }

  @Test
  void aReplayedDeliveryIsRefusedWith409AndNotActedOn() throws Exception {
    try (WebhookExecutor webhook = executor()) {
      assertThat(webhook.execute(ORDER).succeeded()).isTrue();
    }
    Delivery original = receiver.deliveries().getFirst();

    HttpResponse<String> replay;
    try (HttpClient client = HttpClient.newHttpClient()) {
      replay = client.send(HttpRequest.newBuilder(receiver.url())
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", original.idempotencyKey())
              .header("X-Blastgate-Timestamp", original.timestamp())
              .header("X-Blastgate-Signature", original.signature())
              .POST(HttpRequest.BodyPublishers.ofByteArray(original.body()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    assertThat(replay.statusCode()).isEqualTo(409);
    assertThat(receiver.actions()).isEqualTo(1);
  }

  @Test
  void aConflictIsFailedNotDone() {
    receiver.answerFirst(new Scripted(409, null, "already running"));
    ExecutionResult result;
    try (WebhookExecutor webhook = executor()) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail()).isEqualTo(
        "the webhook refused the delivery: it answered 409 (\"already running\"), a conflict, which is not"
            + " counted as done");
  }

  @Test
  void unavailableTwiceThenAcceptedIsDoneAfterThreeAttemptsWithDoublingBackoff() {
    receiver.answerFirst(new Scripted(503, null, ""), new Scripted(503, null, ""));
    ExecutionResult result;
    try (WebhookExecutor webhook = executor()) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isTrue();
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(receiver.actions()).isEqualTo(1);
    List<Delivery> deliveries = receiver.deliveries();
    assertThat(deliveries).extracting(Delivery::answered).containsExactly(503, 503, 200);
    assertThat(deliveries).extracting(Delivery::idempotencyKey).containsOnly("key-1");
    assertThat(deliveries).extracting(Delivery::signature).doesNotHaveDuplicates();
  }

  @Test
  void alwaysUnavailableFailsAfterEveryAttempt() {
    for (int i = 0; i < 5; i++) {
      receiver.answerFirst(new Scripted(503, null, ""));
    }
    ExecutionResult result;
    try (WebhookExecutor webhook = executor()) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(5);
    assertThat(result.detail()).isEqualTo("the webhook answered 503 on each of 5 attempts");
    assertThat(sleeps).containsExactly(
        Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(4000));
    assertThat(receiver.deliveries()).hasSize(5);
    assertThat(receiver.actions()).isZero();
  }

  @Test
  void aBadRequestFailsAtOnceWithAShortSanitisedExcerpt() {
    receiver.answerFirst(new Scripted(400, null, "unknown\u0000 action\n\n<b>" + "x".repeat(500)));
    ExecutionResult result;
    try (WebhookExecutor webhook = executor()) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(result.detail())
        .startsWith("the webhook refused the delivery: it answered 400 (\"unknown action <b>xxx")
        .doesNotContain("\n")
        .doesNotContain("\u0000")
        .hasSizeLessThan(200);
  }

  @Test
  void aReceiverThatIsDownFailsAfterEveryAttempt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ExecutionResult result;
    try (WebhookExecutor webhook =
        executor(URI.create("http://127.0.0.1:" + closedPort + "/hook"), SECRET, Clock.systemUTC())) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(5);
    assertThat(result.detail())
        .isEqualTo("the webhook could not be reached (connection refused) on each of 5 attempts");
    assertThat(sleeps).hasSize(4);
  }

  @Test
  void tooManyRequestsWaitsWhatRetryAfterSaysUpToItsCap() {
    receiver.answerFirst(new Scripted(429, "7", ""), new Scripted(429, "3600", ""), new Scripted(503, "soon", ""));
    ExecutionResult result;
    try (WebhookExecutor webhook = executor()) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isTrue();
    assertThat(result.attempts()).isEqualTo(4);
    // 7 s as asked; 3600 s capped at 60 s; a Retry-After that is not seconds leaves the backoff (third: 2 s).
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(60), Duration.ofSeconds(2));
  }

  @Test
  void aReceiverThatAnswersTooLateIsRetriedThenFailed() {
    // The receiver answers after 5 s, each attempt may take 1 s: long enough to connect on a busy machine.
    receiver.answerAfter(Duration.ofSeconds(5));
    WebhookSettings settings = new WebhookSettings(receiver.url(), SECRET, 2).withRequestTimeout(Duration.ofSeconds(1));
    ExecutionResult result;
    try (WebhookExecutor webhook = new WebhookExecutor(settings, Clock.systemUTC(), sleeps::add)) {
      result = webhook.execute(ORDER);
    }

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.detail()).isEqualTo("the webhook did not answer within 1 s on each of 2 attempts");
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void theSameOrderFromTwoThreadsIsActedOnOnce() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (WebhookExecutor webhook = executor()) {
      List<Future<ExecutionResult>> results = List.of(
          threads.submit(() -> { go.await(); return webhook.execute(ORDER); }),
          threads.submit(() -> { go.await(); return webhook.execute(ORDER); }));
      go.countDown();
      for (Future<ExecutionResult> result : results) {
        assertThat(result.get().succeeded()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(receiver.deliveries()).hasSize(2).extracting(Delivery::answered).containsOnly(200);
    assertThat(receiver.actions()).isEqualTo(1);
  }
}
