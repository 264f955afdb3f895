package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.error.BlastgateException;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of requests against a real Neo4j, with an executor that counts what it is asked: at most
 * once per request whatever arrives at once (approvals, retries with one idempotency key, two gates
 * on one graph), no self-approval, expiry, and the reconciliation of an interrupted execution.
 */
@ExtendWith(TestGraph.class)
class ActionRequestsTest {
  private Instant now = Instant.now();
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private Graph graph;

  private final AtOnce.Counting counting = new AtOnce.Counting();
  private final Map<String, AtomicInteger> executed = counting.told;

  @BeforeEach
  void seed(Graph graph) {
    this.graph = graph;
    Seed.ENTITIES.writeTo(graph);
    cypher("MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = datetime($at)",
        Map.of("at", now.minus(Duration.ofHours(1)).toString()));
    cypher("MATCH (web:Owner {id: 'team:web'}), (pay:Owner {id: 'team:payments'})"
        + " CREATE (:Entity:Owner {id: 'person:bo', name: 'Bo', kind: 'person'})-[:MEMBER_OF]->(web)"
        + " CREATE (:Entity:Owner {id: 'person:cy', name: 'Cy', kind: 'person'})-[:MEMBER_OF]->(pay)"
        + " CREATE (:Entity:Owner {id: 'person:di', name: 'Di', kind: 'person'})-[:MEMBER_OF]->(web)", Map.of());
  }

  private static void cypher(String statement, Map<String, Object> params) {
    TestGraph.database().executeTransactionally(statement, params);
  }

  private GateService gate() {
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(counting), GateAudit.NONE, clock);
  }

  private static ActionRequest revoke(String requester, String key) {
    return new ActionRequest("cred:stripe-key", "revoke_credential", "high", "paste", requester, key, false);
  }

  @Test
  void manyApprovalsAtOnceFromTwoGatesRunTheActionOnce() throws Exception {
    GateService one = gate();
    GateService two = gate();
    String id = one.requests().submit(revoke("person:responder", null)).id();
    List<String> people = List.of("person:ana", "person:bo", "person:cy", "person:di");
    AtomicInteger turn = new AtomicInteger();
    List<GateAnswer> answers = AtOnce.run(8, n -> {
      int i = turn.getAndIncrement();
      GateService gate = i % 2 == 0 ? one : two;
      return gate.requests().approve(id, people.get(i % people.size()), null);
    });
    assertThat(executed.get(id)).hasValue(1);
    assertThat(one.requests().get(id).status()).isEqualTo("executed");
    assertThat(answers.stream().filter(a -> a != null && a.status().equals("executed")).count()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void retriesWithOneIdempotencyKeyAtOnceMakeOneRequestAndRunItOnce() throws Exception {
    cypher("MATCH (t:Owner {id: 'team:payments'}), (w:Workload {id: 'wl:stripe-webhooks'}) CREATE (t)-[:OWNS]->(w)", Map.of());
    GateService one = gate();
    GateService two = gate();
    AtomicInteger turn = new AtomicInteger();
    List<GateAnswer> answers = AtOnce.run(8, n -> (turn.getAndIncrement() % 2 == 0 ? one : two).requests()
        .submit(new ActionRequest("wl:stripe-webhooks", "block_workload", "high", "x", "person:responder", "retry-1", false)));
    assertThat(answers).doesNotContainNull();
    assertThat(answers.stream().map(GateAnswer::id).distinct()).hasSize(1);
    assertThat(executed.get(answers.get(0).id())).hasValue(1);
    assertThat(one.requests().get(answers.get(0).id()).status()).isEqualTo("executed");
  }

  @Test
  void aRequesterWhoMayApproveStillNeverApprovesTheirOwn() {
    GateService gate = gate();
    String id = gate.requests().submit(revoke("person:ana", null)).id();
    assertThatThrownBy(() -> gate.requests().approve(id, "person:ana", null))
        .isInstanceOf(BlastgateException.Forbidden.class)
        .hasMessage("a requester never approves or rejects their own request");
    assertThat(gate.requests().get(id).approvedBy()).isEmpty();
  }

  @Test
  void aPendingRequestExpires() {
    GateService gate = gate();
    String id = gate.requests().submit(revoke("person:responder", null)).id();
    now = now.plus(Duration.ofHours(4)).plusSeconds(1);
    assertThatThrownBy(() -> gate.requests().approve(id, "person:ana", null))
        .isInstanceOf(BlastgateException.Conflict.class).hasMessageContaining("is expired");
    assertThat(gate.requests().get(id).status()).isEqualTo("expired");
    assertThat(executed).isEmpty();
  }

  @Test
  void anExecutionACrashInterruptedIsFailedNeverRunAgain() {
    GateService gate = gate();
    String id = gate.requests().submit(revoke("person:responder", null)).id();
    cypher("MATCH (r:ActionRequest {id: $id}) SET r.status = 'executing'", Map.of("id", id));
    assertThat(gate.reconcileAtStartUp(true).executions()).containsExactly(id + " cred:stripe-key");
    GateAnswer after = gate.requests().get(id);
    assertThat(after.status()).isEqualTo("failed");
    assertThat(after.executionDetail()).startsWith("interrupted while executing");
    assertThat(executed).isEmpty();
  }

  @Test
  void aSuspensionRestoresItselfOnceWhenItsTimeIsUpWhateverRunsTheHousekeeping() throws Exception {
    cypher("CREATE (:Entity:Identity {id: 'sa:bot', name: 'bot', kind: 'service_account', status: 'active',"
        + " sources: ['payments-inventory']})", Map.of());
    GateService one = gate();
    GateService two = gate();
    GateAnswer suspended = one.requests().submit(
        new ActionRequest("sa:bot", "suspend", "high", "odd calls", "person:responder", null, false));
    assertThat(suspended.status()).isEqualTo("executed");
    assertThat(one.requests().housekeeping()).isEmpty();
    now = now.plus(Execution.SUSPEND_FOR).plusSeconds(1);
    AtomicInteger turn = new AtomicInteger();
    List<List<String>> rounds = AtOnce.run(6, n -> (turn.getAndIncrement() % 2 == 0 ? one : two).requests().housekeeping());
    assertThat(rounds.stream().flatMap(List::stream).toList()).containsExactly(
        "restored sa:bot (request " + suspended.id() + ")");
    assertThat(one.requests().get(suspended.id()).status()).isEqualTo("rolled_back");
    // The executor was told twice in all: to suspend, then once to undo.
    assertThat(executed.get(suspended.id())).hasValue(2);
    Object containment = TestGraph.database().executeTransactionally(
        "MATCH (i:Identity {id: 'sa:bot'}) RETURN i.containment AS c", Map.of(), r -> r.next().get("c"));
    assertThat(containment).isNull();
  }

  @Test
  void anExecutedActionIsDeliveredToTheSignedWebhookOnceAndItsRollbackToo() throws Exception {
    String secret = "a-webhook-secret-of-at-least-32-characters";
    try (WebhookReceiver receiver = WebhookReceiver.start(secret);
        WebhookExecutor webhook = new WebhookExecutor(new WebhookSettings(receiver.url(), secret, 3))) {
      cypher("MATCH (t:Owner {id: 'team:payments'}), (w:Workload {id: 'wl:stripe-webhooks'}) CREATE (t)-[:OWNS]->(w)", Map.of());
      GateService gate = new GateService(graph, new BlastRadiusService(graph, 10), List.of(webhook), GateAudit.NONE, clock);
      ActionRequest block = new ActionRequest("wl:stripe-webhooks", "block_workload", "high", "x", "person:responder", "inc-7", false);
      GateAnswer a = gate.requests().submit(block);
      assertThat(a.status()).isEqualTo("executed");
      assertThat(a.executionDetail()).startsWith("the graph records wl:stripe-webhooks as blocked; webhook: ");
      assertThat(gate.requests().submit(block).id()).isEqualTo(a.id());
      assertThat(receiver.actions()).isEqualTo(1);
      assertThat(gate.requests().rollBack(a.id(), "person:responder").status()).isEqualTo("rolled_back");
      assertThat(receiver.actions()).isEqualTo(2);
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      List<String> events = new ArrayList<>();
      for (WebhookReceiver.Delivery d : receiver.deliveries()) {
        events.add(json.readTree(d.body()).get("event").asText() + " " + d.idempotencyKey());
      }
      assertThat(events).containsExactly("execute person:responder:inc-7", "undo person:responder:inc-7#undo");
    }
  }

  @Test
  void aFailingExecutorLeavesTheRequestFailedAndTheGraphUntouched() {
    Executor refusing = new ScriptedExecutor("webhook", order -> ExecutionResult.failed("the webhook answered 503 on each of 5 attempts", 5));
    cypher("MATCH (t:Owner {id: 'team:payments'}), (w:Workload {id: 'wl:stripe-webhooks'}) CREATE (t)-[:OWNS]->(w)", Map.of());
    GateService gate = new GateService(graph, new BlastRadiusService(graph, 10), List.of(refusing), GateAudit.NONE, clock);
    GateAnswer a = gate.requests().submit(new ActionRequest("wl:stripe-webhooks", "block_workload", "high", "x",
        "person:responder", null, false));
    assertThat(a.status()).isEqualTo("failed");
    assertThat(a.executionDetail()).isEqualTo("webhook: the webhook answered 503 on each of 5 attempts");
    Object containment = TestGraph.database().executeTransactionally(
        "MATCH (w:Workload {id: 'wl:stripe-webhooks'}) RETURN w.containment AS c", Map.of(), r -> r.next().get("c"));
    assertThat(containment).isNull();
  }
}
