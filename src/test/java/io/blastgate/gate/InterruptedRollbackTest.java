package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.error.BlastgateException;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rollback whose process stopped after claiming it (as anExecutionACrashInterruptedIsFailedNeverRunAgain
 * of ActionRequestsTest does for an execution, the crash is the claim left in the graph): at start-up
 * it is released with its outcome unknown, audited, left alone by the suspension housekeeping, and
 * retried only when someone asks again, with the undo's own key.
 */
@ExtendWith(TestGraph.class)
class InterruptedRollbackTest {
  private final TestClock clock = new TestClock(Instant.now());
  private final List<String> orders = new CopyOnWriteArrayList<>();
  private final List<String> audited = new CopyOnWriteArrayList<>();
  private Graph graph;

  /** Acts on every order and notes it: what, undone or not, with which key. */
  private final Executor noting = new ScriptedExecutor("noting", order -> {
    orders.add((order.undo() ? "undo " : "do ") + order.action() + " " + order.idempotencyKey());
    return ExecutionResult.done("noted", 1);
  });

  @BeforeEach
  void seed(Graph graph) {
    this.graph = graph;
    Seed.ENTITIES.writeTo(graph);
    cypher("MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = datetime($at)",
        Map.of("at", clock.instant().minus(Duration.ofHours(1)).toString()));
    cypher("CREATE (:Entity:Identity {id: 'sa:bot', name: 'bot', kind: 'service_account', status: 'active',"
        + " sources: ['payments-inventory']})", Map.of());
  }

  private static void cypher(String statement, Map<String, Object> params) {
    TestGraph.database().executeTransactionally(statement, params);
  }

  private GateService gate() {
    GateAudit audit = (tx, event, actor, requestId, target, details) ->
        audited.add(event + " " + actor + " " + details.getOrDefault("undo", false));
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(noting), audit, clock);
  }

  private static Object containment() {
    return TestGraph.database().executeTransactionally(
        "MATCH (i:Identity {id: 'sa:bot'}) RETURN i.containment AS c", Map.of(), r -> r.next().get("c"));
  }

  @Test
  void aRollbackACrashInterruptedIsReleasedWithItsOutcomeUnknownAndRetriedOnlyWhenAskedAgain() {
    GateService gate = gate();
    GateAnswer suspended = gate.requests().submit(
        new ActionRequest("sa:bot", "suspend", "high", "odd calls", "person:responder", "inc-9", false));
    assertThat(suspended.status()).isEqualTo("executed");
    // The crash: the claim was written, the process stopped before the undo's outcome was.
    cypher("MATCH (r:ActionRequest {id: $id}) SET r.rollback_started_at = $at, r.rollback_by = 'person:ana'",
        Map.of("id", suspended.id(), "at", clock.instant().toString()));
    assertThatThrownBy(() -> gate.requests().rollBack(suspended.id(), "person:responder"))
        .isInstanceOf(BlastgateException.Conflict.class);

    audited.clear();
    assertThat(gate.reconcileAtStartUp(true).rollbacks()).containsExactly(suspended.id() + " sa:bot");
    GateAnswer after = gate.requests().get(suspended.id());
    assertThat(after.status()).isEqualTo("executed");
    assertThat(after.rollbackDetail()).startsWith("the rollback person:ana asked for at ")
        .contains("was interrupted").contains("whether the undo ran outside is unknown");
    assertThat(audited).containsExactly("execution_failed blastgate true");
    assertThat(containment()).isEqualTo("suspended");
    assertThat(gate.reconcileAtStartUp(true).rollbacks()).isEmpty();

    // Its time is up, but an undo of unknown outcome is not run again blindly: a person asks.
    clock.advance(Execution.SUSPEND_FOR.plusSeconds(1));
    assertThat(gate.requests().housekeeping()).isEmpty();
    assertThat(orders).containsExactly("do suspend person:responder:inc-9");

    GateAnswer rolledBack = gate.requests().rollBack(suspended.id(), "person:responder");
    assertThat(rolledBack.status()).isEqualTo("rolled_back");
    assertThat(rolledBack.rollbackDetail()).isNull();
    assertThat(orders).containsExactly("do suspend person:responder:inc-9", "undo suspend person:responder:inc-9#undo");
    assertThat(containment()).isNull();
  }

  @Test
  void anUndoAnExecutorRefusesLeavesTheRequestExecutedSayingWhyAndAudited() {
    Executor refusing = new ScriptedExecutor("webhook", order -> order.undo() ? ExecutionResult.failed("it answered 503", 3) : ExecutionResult.done("ok", 1));
    GateAudit audit = (tx, event, actor, requestId, target, details) -> audited.add(event + " " + actor);
    GateService gate = new GateService(graph, new BlastRadiusService(graph, 10), List.of(refusing), audit, clock);
    GateAnswer suspended = gate.requests().submit(
        new ActionRequest("sa:bot", "suspend", "high", "odd calls", "person:responder", null, false));
    audited.clear();
    assertThatThrownBy(() -> gate.requests().rollBack(suspended.id(), "person:ana"))
        .isInstanceOf(BlastgateException.Conflict.class)
        .hasMessage("the rollback failed at webhook: it answered 503; the request stays executed");
    GateAnswer after = gate.requests().get(suspended.id());
    assertThat(after.status()).isEqualTo("executed");
    assertThat(after.rollbackDetail()).isEqualTo("the rollback failed at webhook: it answered 503");
    assertThat(audited).containsExactly("execution_failed person:ana");
    assertThat(containment()).isEqualTo("suspended");
  }
}
