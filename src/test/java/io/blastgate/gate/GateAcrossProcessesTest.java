package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.graph.Graph;
import io.blastgate.graph.GraphConnection;
import io.blastgate.testing.ExternalNeo4jServer;
import io.blastgate.testing.Seed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 9 across two blastgate processes on one Neo4j server (a real server process, as in
 * production with an external Neo4j): each gate has its own driver and connection pool, as two
 * processes would, and its own executor. Many approvals and retries arriving at once through both
 * still run each action exactly once.
 */
class GateAcrossProcessesTest {
  private static ExternalNeo4jServer server;
  private static GraphConnection first;
  private static GraphConnection second;

  @BeforeAll
  static void start() {
    server = ExternalNeo4jServer.launch();
    first = GraphConnection.open(server.settings(server.boltUri(), Duration.ofSeconds(60)));
    second = GraphConnection.open(server.settings(server.neo4jUri(), Duration.ofSeconds(60)));
    Graph graph = first.graph();
    Seed.ENTITIES.writeTo(graph);
    Seed.GATE_PEOPLE.writeTo(graph);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {first, second, server}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing what is left
      }
    }
  }

  private final AtOnce.Counting counting = new AtOnce.Counting();
  private final Map<String, AtomicInteger> executed = counting.told;

  /** A gate over its own connection, as another process would have, with the shared counting executor. */
  private GateService gateOver(GraphConnection connection) {
    Graph graph = connection.graph();
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(counting), GateAudit.NONE, Clock.systemUTC());
  }

  @Test
  void manyApprovalsThroughTwoProcessesRunTheActionOnce() throws Exception {
    GateService one = gateOver(first);
    GateService two = gateOver(second);
    String id = one.requests().submit(new ActionRequest("cred:stripe-key", "revoke_credential", "high", "paste",
        "person:responder", null, false)).id();
    List<String> people = List.of("person:ana", "person:bo", "person:cy", "person:di");
    AtOnce.run(12, i -> (i % 2 == 0 ? one : two).requests().approve(id, people.get(i % people.size()), null));
    assertThat(executed.get(id)).hasValue(1);
    assertThat(two.requests().get(id).status()).isEqualTo("executed");
  }

  @Test
  void retriesWithOneKeyThroughTwoProcessesMakeOneRequestRunOnce() throws Exception {
    GateService one = gateOver(first);
    GateService two = gateOver(second);
    List<GateAnswer> answers = AtOnce.run(12, i -> (i % 2 == 0 ? one : two).requests().submit(new ActionRequest(
        "sa:bot", "suspend", "high", "odd calls", "person:responder", "incident-9", false)));
    assertThat(answers).doesNotContainNull();
    assertThat(answers.stream().map(GateAnswer::id).distinct()).hasSize(1);
    assertThat(executed.get(answers.get(0).id())).hasValue(1);
  }

  /** A gate over its own connection and clock whose executor waits, inside, until released. */
  private static GateService waitingGate(GraphConnection connection, Clock clock, CountDownLatch inside,
      CountDownLatch release) {
    Graph graph = connection.graph();
    Executor waiting = new ScriptedExecutor("keycloak", order -> {
      inside.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ExecutionResult.done("session revoked", 1);
    });
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(waiting), GateAudit.NONE, clock);
  }

  private static ActionRequest quarantine(String key) {
    return new ActionRequest("sa:bot", "quarantine_session", "high", "odd calls", "person:responder", key, false);
  }

  @Test
  void anotherProcessStartingUpLeavesALiveProcesssActionRunning() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GateService one = waitingGate(first, Clock.systemUTC(), inside, release);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<GateAnswer> running = pool.submit(() -> one.requests().submit(quarantine("live-1")));
      assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
      // A second process starts on the same Neo4j while the first carries the action out.
      GateService two = gateOver(second);
      GateService.Reconciled found = two.reconcileAtStartUp(false);
      assertThat(found.executions()).isEmpty();
      assertThat(two.requests().housekeeping()).isEmpty();
      release.countDown();
      GateAnswer done = running.get(60, TimeUnit.SECONDS);
      assertThat(done.status()).isEqualTo("executed");
      assertThat(two.requests().get(done.id()).status()).isEqualTo("executed");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aProcessUnseenTooLongIsTakenForGoneAndItsLateOutcomeReplacesTheGuess() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GateService one = waitingGate(first, Clock.systemUTC(), inside, release);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<GateAnswer> running = pool.submit(() -> one.requests().submit(quarantine("late-1")));
      assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
      // The other process's clock is past the first one's last sign of life by more than the grace.
      Clock later = Clock.offset(Clock.systemUTC(), GateProcess.GONE_AFTER.plusSeconds(5));
      GateService two = new GateService(second.graph(), new BlastRadiusService(second.graph(), 10), List.of(counting),
          GateAudit.NONE, later);
      List<String> lines = two.requests().housekeeping();
      assertThat(lines).singleElement().asString().contains("left executing by a process gone since");
      String id = lines.get(0).split(" ")[1];
      assertThat(two.requests().get(id).status()).isEqualTo("failed");
      // It was alive after all: its outcome, when it comes, is recorded instead of the guess.
      release.countDown();
      GateAnswer done = running.get(60, TimeUnit.SECONDS);
      assertThat(done.id()).isEqualTo(id);
      assertThat(done.status()).isEqualTo("executed");
      assertThat(executed).doesNotContainKey(id); // the second process ran nothing
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aPolicyPutInForceByOneProcessDecidesTheOthersNextRequest() {
    GateService one = gateOver(first);
    GateService two = gateOver(second);
    ActionRequest dry = new ActionRequest("cred:stripe-key", "revoke_credential", "high", "paste", "person:responder",
        null, true);
    String shipped = new PolicyReader().defaults().text();
    try {
      String before = one.requests().submit(dry).decision().policyVersion();
      String strict = """
          version: other-process-1
          confidence: {medium_from: 0.5, high_from: 0.9}
          approvals: {default: 1, critical: 2}
          identity_kinds:
            default:
              soft: {execute_up_to: {impacted: 0}}
              hard: {execute_up_to: {impacted: 0}, deny_beyond: {impacted: 100}}
          """;
      two.policies().replace(strict, "person:admin");
      GateAnswer after = one.requests().submit(dry);
      assertThat(after.decision().policyVersion()).isNotEqualTo(before).isEqualTo("other-process-1");
      assertThat(after.decision().outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
      // The same version put in force again with other figures: still read afresh.
      two.policies().replace(strict.replace("deny_beyond: {impacted: 100}", "deny_beyond: {impacted: 0}"),
          "person:admin");
      assertThat(one.requests().submit(dry).decision().outcome()).isEqualTo(Outcome.DENY);
    } finally {
      two.policies().replace(shipped, "person:admin");
    }
  }
}

