package io.blastgate.gate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as docs/executors.md recommends, on the JDK's HTTP server on a free loopback
 * port: it checks the signature with the shared secret on its own (not with blastgate's code), refuses
 * a bad one and a timestamp more than 5 minutes away (401), refuses a signature it has seen (409), and
 * acts once per {@code Idempotency-Key}: a known key answers 200 with the earlier result, not acting
 * again. A test may script the first answers (503, 429 with Retry-After...) and slow it down.
 */
final class WebhookReceiver implements AutoCloseable {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** One request as it arrived, and the status it was answered. */
  record Delivery(String idempotencyKey, String timestamp, String signature, String contentType, byte[] body,
      int answered) {}

  /** An answer given before any check, for the next request. */
  record Scripted(int status, String retryAfter, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final byte[] secret;
  private final Clock clock = Clock.systemUTC();
  private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
  private final Set<String> seenSignatures = ConcurrentHashMap.newKeySet();
  private final Map<String, String> resultsByKey = new ConcurrentHashMap<>();
  private final AtomicInteger actions = new AtomicInteger();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile Duration delay = Duration.ZERO;

  private WebhookReceiver(String secret) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/hooks/blastgate", this::handle);
    server.start();
  }

  static WebhookReceiver start(String secret) throws IOException {
    return new WebhookReceiver(secret);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/blastgate");
  }

  /** The next requests are answered these, in order, before any check. */
  WebhookReceiver answerFirst(Scripted... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  WebhookReceiver answerAfter(Duration delay) {
    this.delay = delay;
    return this;
  }

  /** How many times it acted, over every key. */
  int actions() {
    return actions.get();
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      sleep(delay);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String timestamp = exchange.getRequestHeaders().getFirst("X-Blastgate-Timestamp");
      String signature = exchange.getRequestHeaders().getFirst("X-Blastgate-Signature");
      Scripted next = script.poll();
      Scripted answer = next != null ? next : verifyAndAct(key, timestamp, signature, body);
      deliveries.add(new Delivery(key, timestamp, signature,
          exchange.getRequestHeaders().getFirst("Content-Type"), body, answer.status()));
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
      }
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(out);
      }
    }
  }

  /** The receiver's whole check, in the order docs/executors.md gives it. */
  private Scripted verifyAndAct(String key, String timestamp, String signature, byte[] body) {
    if (key == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
      return new Scripted(400, null, "{\"error\":\"missing headers\"}");
    }
    if (!MessageDigest.isEqual(expected(timestamp, body), signature.getBytes(StandardCharsets.US_ASCII))) {
      return new Scripted(401, null, "{\"error\":\"bad signature\"}");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
    if (age.compareTo(TOLERANCE) > 0) {
      return new Scripted(401, null, "{\"error\":\"timestamp outside the tolerance\"}");
    }
    if (!seenSignatures.add(signature)) {
      return new Scripted(409, null, "{\"error\":\"replayed delivery\"}");
    }
    String result = resultsByKey.computeIfAbsent(key, k -> "acted as #" + actions.incrementAndGet());
    return new Scripted(200, null, "{\"result\":\"" + result + "\"}");
  }

  private byte[] expected(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return ("v1=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    threads.shutdownNow(); // first: a slowed-down answer is interrupted rather than waited for
    server.stop(0);
  }
}
