package io.blastgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A load generator for the gate over real HTTP: {@code clients} threads post action requests one after
 * another for {@code seconds}, each for a target drawn from the organisation with the action that fits
 * its label, while one more thread asks {@code GET /api/v1/health} (the trivial request) every 10 ms
 * through the same server, so that a slow moment of a shared machine shows in both. Closed loop:
 * throughput is what the server sustains at that concurrency. Then the ceiling: the same clients, for
 * as long, asking only the trivial request (one statement to the graph, the same HTTP stack, tokens
 * and JSON), which is what this machine serves at that concurrency for any request at all.
 *
 * <p>Real requests are kept and run, so a target contained stays contained: they are asked only for
 * targets whose action can be undone (not credentials: revoking cannot), each client has its own share
 * of them (no two ask for one target at once) and rolls back, untimed, every request that executed,
 * so that the same targets can be asked for again for as long as the run lasts.
 */
public final class GateLoad {
  /** A target of the organisation and the action that fits it. */
  public record Target(String id, String action) {}

  /** What to run. */
  public record Options(int clients, int warmupSeconds, int seconds, boolean dryRun, String confidence) {}

  /** The figures of one run. */
  public record Report(
      Options options,
      long decisions,
      long errors,
      double decisionsPerSecond,
      LatencySummary decision,
      Map<String, Long> outcomes,
      long rollbacks,
      LatencySummary trivial,
      List<String> firstErrors,
      double trivialCeilingPerSecond,
      LatencySummary trivialCeiling) {}

  /**
   * A synthetic organisation of {@code nodes} entities (the benchmark's generator, seed 42) written to
   * {@code bundle}, for a run on a large graph.
   */
  public static GeneratedOrg synthetic(int nodes, java.nio.file.Path bundle) {
    return SyntheticOrg.write(BenchOptions.defaults().withNodes(nodes).orgSpec(), bundle);
  }

  /**
   * The targets of a synthetic organisation: its typical ones (drawn among identities, credentials
   * and workloads) and its most-shared credentials, each with the hard action that fits its label.
   */
  public static List<Target> targetsOf(GeneratedOrg org) {
    List<Target> targets = new ArrayList<>();
    for (String id : org.typicalTargets()) {
      targets.add(new Target(id, id.startsWith("cred:") ? "revoke_credential"
          : id.startsWith("wl:") ? "block_workload" : "disable_identity"));
    }
    org.mostSharedTargets().forEach(id -> targets.add(new Target(id, "revoke_credential")));
    return targets;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final URI base;
  private final String responderToken;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final AtomicLong rollbacks = new AtomicLong();

  public GateLoad(URI base, String responderToken) {
    this.base = Objects.requireNonNull(base, "base");
    this.responderToken = Objects.requireNonNull(responderToken, "responderToken");
  }

  public Report run(List<Target> all, Options o, PrintStream out) throws InterruptedException {
    List<Target> targets = o.dryRun() ? all : all.stream().filter(t -> !t.action().equals("revoke_credential")).toList();
    out.printf("gate load: %d clients, %d s warm-up, then %d s measured, %s, confidence %s, %d targets%s%n",
        o.clients(), o.warmupSeconds(), o.seconds(), o.dryRun() ? "dry runs" : "real requests", o.confidence(),
        targets.size(), targets.size() == all.size() ? "" : " (those whose action can be undone)");
    phase(targets, o, o.warmupSeconds(), false, null, null, new AtomicLong(), new ConcurrentLinkedQueue<>());
    outcomes.clear();
    rollbacks.set(0);
    ConcurrentLinkedQueue<Long> decisions = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> trivial = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    long started = System.nanoTime();
    phase(targets, o, o.seconds(), false, decisions, trivial, errors, firstErrors);
    double elapsed = (System.nanoTime() - started) / 1e9;
    Map<String, Long> measuredOutcomes = new TreeMap<>(outcomes.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
    long measuredRollbacks = rollbacks.get();
    ConcurrentLinkedQueue<Long> ceiling = new ConcurrentLinkedQueue<>();
    long ceilingStarted = System.nanoTime();
    phase(targets, o, o.seconds(), true, ceiling, null, errors, firstErrors);
    double ceilingElapsed = (System.nanoTime() - ceilingStarted) / 1e9;
    long[] d = decisions.stream().mapToLong(Long::longValue).toArray();
    long[] t = trivial.stream().mapToLong(Long::longValue).toArray();
    long[] c = ceiling.stream().mapToLong(Long::longValue).toArray();
    Report report = new Report(o, d.length, errors.get(), Math.round(d.length / elapsed * 10) / 10.0,
        LatencySummary.ofNanos(d), measuredOutcomes, measuredRollbacks, LatencySummary.ofNanos(t), firstErrors.stream().limit(5).toList(),
        Math.round(c.length / ceilingElapsed * 10) / 10.0, LatencySummary.ofNanos(c));
    out.printf("gate load: %d decisions in %.1f s = %.1f/s (%d errors); decision p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
        + " trivial request p50 %.1f ms, p99 %.1f ms%n", d.length, elapsed, report.decisionsPerSecond(), errors.get(),
        report.decision().p50Ms(), report.decision().p95Ms(), report.decision().p99Ms(),
        report.trivial().p50Ms(), report.trivial().p99Ms());
    if (!o.dryRun()) {
      out.printf("outcomes: %s; rolled back (untimed): %d%n", report.outcomes(), report.rollbacks());
    }
    out.printf("ceiling: %d clients asking only the trivial request: %.1f/s; p50 %.1f ms, p99 %.1f ms%n", o.clients(),
        report.trivialCeilingPerSecond(), report.trivialCeiling().p50Ms(), report.trivialCeiling().p99Ms());
    return report;
  }

  /**
   * One phase: the clients post decisions (or, {@code trivialOnly}, ask the trivial request) while,
   * unless {@code trivialOnly}, one more thread times the trivial request every 10 ms.
   */
  private void phase(List<Target> targets, Options o, int seconds, boolean trivialOnly,
      ConcurrentLinkedQueue<Long> decisions, ConcurrentLinkedQueue<Long> trivial, AtomicLong errors,
      ConcurrentLinkedQueue<String> firstErrors) throws InterruptedException {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(o.clients() + (trivialOnly ? 0 : 1));
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < o.clients(); i++) {
      List<Target> mine = o.dryRun() || targets.size() < o.clients() ? targets : shareOf(targets, i, o.clients());
      threads.add(Thread.ofPlatform().name("gate-load-" + i).start(() -> {
        try {
          while (System.nanoTime() < until) {
            Target target = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            long t0 = System.nanoTime();
            Answer answer = trivialOnly ? new Answer(health(), null) : post(target, o);
            long nanos = System.nanoTime() - t0;
            int status = answer.status();
            if (status == 200) {
              if (decisions != null) {
                decisions.add(nanos);
              }
              if (!trivialOnly && !o.dryRun()) {
                afterDecision(answer.body());
              }
            } else {
              errors.incrementAndGet();
              if (firstErrors.size() < 5) {
                firstErrors.add(target.id() + ": HTTP " + status);
              }
            }
          }
        } finally {
          done.countDown();
        }
      }));
    }
    if (trivialOnly) {
      done.await();
      return;
    }
    threads.add(Thread.ofPlatform().name("gate-load-trivial").start(() -> {
      try {
        while (System.nanoTime() < until) {
          long t0 = System.nanoTime();
          int status = health();
          if (status == 200 && trivial != null) {
            trivial.add(System.nanoTime() - t0);
          }
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.countDown();
      }
    }));
    done.await();
  }

  /** Client {@code i}'s share of the targets: every {@code clients}-th one. */
  private static List<Target> shareOf(List<Target> targets, int i, int clients) {
    List<Target> share = new ArrayList<>();
    for (int k = i; k < targets.size(); k += clients) {
      share.add(targets.get(k));
    }
    return share;
  }

  /**
   * Counts a real request's status and rolls back, untimed, one that executed. A dry run's answer is
   * not read: the clients share the server's cores.
   */
  private void afterDecision(String body) {
    JsonNode request = readJson(body);
    String status = request.path("status").asText("unknown");
    outcomes.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    if (status.equals("executed")) {
      HttpRequest rollback = HttpRequest.newBuilder(base.resolve("/api/v1/actions/"
              + URLEncoder.encode(request.path("id").asText(), StandardCharsets.UTF_8) + "/rollback"))
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + responderToken)
          .POST(HttpRequest.BodyPublishers.noBody())
          .build();
      if (send(rollback).status() == 200) {
        rollbacks.incrementAndGet();
      }
    }
  }

  private static JsonNode readJson(String body) {
    try {
      return MAPPER.readTree(body == null ? "{}" : body);
    } catch (IOException e) {
      return MAPPER.createObjectNode();
    }
  }

  private Answer post(Target target, Options o) {
    String body = "{\"target\": \"" + target.id().replace("\"", "\\\"") + "\", \"action\": \"" + target.action()
        + "\", \"confidence\": \"" + o.confidence() + "\", \"reason\": \"gate load\", \"dry_run\": " + o.dryRun() + "}";
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/actions"))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + responderToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return send(request);
  }

  private int health() {
    return send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).timeout(Duration.ofSeconds(60)).GET().build())
        .status();
  }

  /** An answer's status (-1 when none came) and body. */
  private record Answer(int status, String body) {}

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(-1, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null);
    }
  }
}
