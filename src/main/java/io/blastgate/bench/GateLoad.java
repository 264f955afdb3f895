package io.blastgate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator for the gate over real HTTP: {@code clients} threads post action requests one after
 * another for {@code seconds}, each for a target drawn from the organisation with the action that fits
 * its label, while one more thread asks {@code GET /api/v1/health} (the trivial request) every 10 ms
 * through the same server, so that a slow moment of a shared machine shows in both. Closed loop:
 * throughput is what the server sustains at that concurrency. Then the ceiling: the same clients, for
 * as long, asking only the trivial request (one statement to the graph, the same HTTP stack, tokens
 * and JSON), which is what this machine serves at that concurrency for any request at all.
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

  private final URI base;
  private final String responderToken;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public GateLoad(URI base, String responderToken) {
    this.base = Objects.requireNonNull(base, "base");
    this.responderToken = Objects.requireNonNull(responderToken, "responderToken");
  }

  public Report run(List<Target> targets, Options o, PrintStream out) throws InterruptedException {
    out.printf("gate load: %d clients, %d s warm-up, then %d s measured, %s, confidence %s, %d targets%n",
        o.clients(), o.warmupSeconds(), o.seconds(), o.dryRun() ? "dry runs" : "real requests", o.confidence(),
        targets.size());
    phase(targets, o, o.warmupSeconds(), false, null, null, new AtomicLong(), new ConcurrentLinkedQueue<>());
    ConcurrentLinkedQueue<Long> decisions = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> trivial = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    long started = System.nanoTime();
    phase(targets, o, o.seconds(), false, decisions, trivial, errors, firstErrors);
    double elapsed = (System.nanoTime() - started) / 1e9;
    ConcurrentLinkedQueue<Long> ceiling = new ConcurrentLinkedQueue<>();
    long ceilingStarted = System.nanoTime();
    phase(targets, o, o.seconds(), true, ceiling, null, errors, firstErrors);
    double ceilingElapsed = (System.nanoTime() - ceilingStarted) / 1e9;
    long[] d = decisions.stream().mapToLong(Long::longValue).toArray();
    long[] t = trivial.stream().mapToLong(Long::longValue).toArray();
    long[] c = ceiling.stream().mapToLong(Long::longValue).toArray();
    Report report = new Report(o, d.length, errors.get(), Math.round(d.length / elapsed * 10) / 10.0,
        LatencySummary.ofNanos(d), LatencySummary.ofNanos(t), firstErrors.stream().limit(5).toList(),
        Math.round(c.length / ceilingElapsed * 10) / 10.0, LatencySummary.ofNanos(c));
    out.printf("gate load: %d decisions in %.1f s = %.1f/s (%d errors); decision p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
        + " trivial request p50 %.1f ms, p99 %.1f ms%n", d.length, elapsed, report.decisionsPerSecond(), errors.get(),
        report.decision().p50Ms(), report.decision().p95Ms(), report.decision().p99Ms(),
        report.trivial().p50Ms(), report.trivial().p99Ms());
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
      threads.add(Thread.ofPlatform().name("gate-load-" + i).start(() -> {
        try {
          while (System.nanoTime() < until) {
            Target target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            long t0 = System.nanoTime();
            int status = trivialOnly ? health() : post(target, o);
            long nanos = System.nanoTime() - t0;
            if (status == 200) {
              if (decisions != null) {
                decisions.add(nanos);
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

  private int post(Target target, Options o) {
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
    return send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).timeout(Duration.ofSeconds(60)).GET().build());
  }

  private int send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
