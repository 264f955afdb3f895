package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people's requests to revoke one key, each approved by others, against a real Neo4j: the second
 * one's last approval finds the key revoked by the first (it ends failed, not run, saying why) or the
 * first still running (it keeps its approvals and waits, and housekeeping runs it later). Either way
 * the action runs once and no approved request is left waiting for nobody.
 */
@ExtendWith(TestGraph.class)
class ApprovedRunsTest {
  private final TestClock clock = new TestClock(Instant.now());
  private final List<String> audited = new CopyOnWriteArrayList<>();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private Graph graph;

  @BeforeEach
  void seed(Graph graph) {
    this.graph = graph;
    Seed.ENTITIES.writeTo(graph);
    Seed.GATE_PEOPLE.writeTo(graph);
  }

  private GateService gate(Executor executor) {
    GateAudit audit = (tx, event, actor, requestId, target, details) -> audited.add(event + " " + requestId);
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(executor), audit, clock);
  }

  private Executor counting() {
    return new ScriptedExecutor("webhook", order -> {
      ran.add(order.requestId());
      return ExecutionResult.done("delivered", 1);
    });
  }

  private static String ask(GateService gate, String requester) {
    GateAnswer a = gate.requests().submit(new ActionRequest("cred:stripe-key", "revoke_credential", "high", "paste",
        requester, null, false));
    assertThat(a.status()).isEqualTo("pending_approval");
    return a.id();
  }

  /** Approvals by people of the teams, one after another, until the request no longer needs one. */
  private static GateAnswer approveFully(GateService gate, String id) {
    GateAnswer last = null;
    for (String person : List.of("person:ana", "person:bo", "person:cy", "person:di")) {
      last = gate.requests().approve(id, person, null);
      if (last.approvedBy().size() >= last.decision().approvalsNeeded()) {
        return last;
      }
    }
    return last;
  }

  @Test
  void anApprovedRequestWhoseStateAnotherPutInEffectEndsFailedNotRun() {
    GateService gate = gate(counting());
    String first = ask(gate, "person:responder");
    String second = ask(gate, "person:other-responder");
    assertThat(approveFully(gate, first).status()).isEqualTo("executed");

    GateAnswer after = approveFully(gate, second);

    assertThat(after.status()).isEqualTo("failed");
    assertThat(after.executionDetail()).startsWith("not run: ").contains("cred:stripe-key").contains("revoked");
    assertThat(ran).containsExactly(first);
    assertThat(audited).contains("execution_failed " + second);
    assertThat(gate.requests().list("pending_approval", 10)).isEmpty();
  }

  @Test
  void anApprovedRequestThatMeetsAnotherRunningWaitsAndHousekeepingSettlesItAfter() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GateService gate = gate(new ScriptedExecutor("webhook", order -> {
      ran.add(order.requestId());
      inside.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ExecutionResult.done("delivered", 1);
    }));
    String first = ask(gate, "person:responder");
    String second = ask(gate, "person:other-responder");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<GateAnswer> running = pool.submit(() -> approveFully(gate, first));
      assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();

      GateAnswer waiting = approveFully(gate, second);
      assertThat(waiting.status()).isEqualTo("pending_approval");
      assertThat(waiting.executionDetail()).startsWith("approved, waiting: request " + first + " is carrying out");
      assertThat(waiting.approvedBy()).hasSizeGreaterThanOrEqualTo(waiting.decision().approvalsNeeded());

      release.countDown();
      assertThat(running.get(60, TimeUnit.SECONDS).status()).isEqualTo("executed");
      assertThat(gate.requests().housekeeping()).containsExactly("ran approved request " + second + ": failed");
      assertThat(gate.requests().get(second).executionDetail()).startsWith("not run: ");
      assertThat(ran).containsExactly(first);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
