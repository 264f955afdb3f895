package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.blastradius.BlastRadius;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.blastradius.BlastRadiusService.Engine;
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
 * What an executed action leaves on its target, against a real Neo4j: the next blast radius shows it
 * (and still counts every workload), a request for the same state again is refused without running
 * anything, another action is not, and a rollback lifts it. Also: a dry run never meets a kept
 * request through an idempotency key, either way round.
 */
@ExtendWith(TestGraph.class)
class ContainmentStateTest {
  private final TestClock clock = new TestClock(Instant.now());
  private final AtOnce.Counting counting = new AtOnce.Counting();
  private Graph graph;

  @BeforeEach
  void seed(Graph graph) {
    this.graph = graph;
    Seed.ENTITIES.writeTo(graph);
    cypher("MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = datetime($at)",
        Map.of("at", clock.instant().minus(Duration.ofHours(1)).toString()));
    cypher("CREATE (:Entity:Identity {id: 'sa:bot', name: 'bot', kind: 'service_account', status: 'active',"
        + " sources: ['payments-inventory']})", Map.of());
    cypher("MATCH (t:Owner {id: 'team:payments'}), (w:Workload {id: 'wl:stripe-webhooks'}) CREATE (t)-[:OWNS]->(w)",
        Map.of());
  }

  private static void cypher(String statement, Map<String, Object> params) {
    TestGraph.database().executeTransactionally(statement, params);
  }

  private GateService gate() {
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(counting), GateAudit.NONE, clock);
  }

  private static ActionRequest ask(String target, String action, String requester, String key, boolean dry) {
    return new ActionRequest(target, action, "high", "x", requester, key, dry);
  }

  /**
   * Eight people ask at the same moment to suspend one identity, each with a request of their own:
   * the check as a request arrives sees nothing yet for any of them, and the claim settles it: one
   * runs, the others are refused and nothing of them is kept.
   */
  @Test
  void requestsOfOneActionOnOneTargetArrivingTogetherRunItOnce() throws InterruptedException {
    GateService gate = gate();

    List<GateAnswer> answers = AtOnce.run(8,
        i -> gate.requests().submit(ask("sa:bot", "suspend", "person:responder-" + i, "k" + i, false)));

    assertThat(answers).filteredOn(java.util.Objects::nonNull).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo("executed"));
    assertThat(counting.told).hasSize(1);
    assertThat(counting.told.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(gate.requests().list(null, 20)).hasSize(1);
  }

  @Test
  void aSuspendedIdentityIsNotSuspendedAgainAndItsRadiusSaysWhatWasDone() {
    GateService gate = gate();
    BlastRadiusService radii = new BlastRadiusService(graph, 10, Engine.CYPHER);
    BlastRadius before = radii.compute("cred:stripe-key");
    GateAnswer first = gate.requests().submit(ask("sa:bot", "suspend", "person:responder", null, false));
    assertThat(first.status()).isEqualTo("executed");

    for (boolean dry : List.of(false, true)) {
      assertThatThrownBy(() -> gate.requests().submit(ask("sa:bot", "suspend", "person:other", "k2", dry)))
          .isInstanceOfSatisfying(BlastgateException.AlreadyContained.class, e -> {
            assertThat(e.state()).isEqualTo("suspended");
            assertThat(e.by()).isEqualTo(first.id());
            assertThat(e.until()).isEqualTo(clock.instant().plus(Execution.SUSPEND_FOR).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
          });
    }
    assertThat(counting.told.get(first.id())).hasValue(1);
    assertThat(counting.told).hasSize(1);
    assertThat(gate.requests().list(null, 10)).hasSize(1);

    BlastRadius after = radii.compute("sa:bot");
    assertThat(after.containment().state()).isEqualTo("suspended");
    assertThat(after.containment().by()).isEqualTo(first.id());
    assertThat(after.containment().until()).isNotNull();
    // The radius depends on the target only: a containment elsewhere changes nothing of this one.
    BlastRadius again = radii.compute("cred:stripe-key");
    assertThat(again.impacted()).isEqualTo(before.impacted());
    assertThat(again.summary()).isEqualTo(before.summary());
    assertThat(again.containment()).isNull();

    // Another action is another state: disabling a suspended identity still goes through the gate.
    GateAnswer disable = gate.requests().submit(ask("sa:bot", "disable_identity", "person:responder", null, false));
    assertThat(disable.status()).isIn("executed", "pending_approval");
  }

  @Test
  void aBlockedWorkloadIsNotBlockedAgainUntilTheRollbackLiftsIt() {
    GateService gate = gate();
    BlastRadiusService radii = new BlastRadiusService(graph, 10, Engine.CYPHER);
    List<String> impactedBefore = radii.compute("wl:stripe-webhooks").impacted().stream()
        .map(BlastRadius.ImpactedWorkload::id).toList();
    GateAnswer first = gate.requests().submit(ask("wl:stripe-webhooks", "block_workload", "person:responder", null, false));
    assertThat(first.status()).isEqualTo("executed");
    BlastRadius contained = radii.compute("wl:stripe-webhooks");
    assertThat(contained.containment().state()).isEqualTo("blocked");
    assertThat(contained.containment().until()).isNull();
    assertThat(contained.impacted().stream().map(BlastRadius.ImpactedWorkload::id).toList())
        .isEqualTo(impactedBefore);
    assertThatThrownBy(() -> gate.requests().submit(
        ask("wl:stripe-webhooks", "block_workload", "person:responder", null, false)))
        .isInstanceOf(BlastgateException.AlreadyContained.class)
        .hasMessage("wl:stripe-webhooks is already blocked (request " + first.id() + ", since "
            + contained.containment().since() + "); nothing was run again");

    assertThat(gate.requests().rollBack(first.id(), "person:responder").status()).isEqualTo("rolled_back");
    assertThat(radii.compute("wl:stripe-webhooks").containment()).isNull();
    GateAnswer again = gate.requests().submit(ask("wl:stripe-webhooks", "block_workload", "person:responder", null, false));
    assertThat(again.status()).isEqualTo("executed");
    assertThat(counting.told.get(again.id())).hasValue(1);
  }

  @Test
  void whatAnExecutorRemembersIsKeptWithTheRequestAndHandedToItsUndoAlone() {
    List<String> undoMemos = new CopyOnWriteArrayList<>();
    Executor remembering = new ScriptedExecutor("keycloak", order -> {
      if (order.undo()) {
        undoMemos.add(String.valueOf(order.memo()));
        return ExecutionResult.done("restored", 1);
      }
      return ExecutionResult.done("removed a, b", 1, "[\"a\",\"b\"]");
    });
    GateService gate = new GateService(graph, new BlastRadiusService(graph, 10), List.of(counting, remembering),
        GateAudit.NONE, clock);
    GateAnswer restricted = gate.requests().submit(ask("sa:bot", "restrict", "person:responder", null, false));
    assertThat(restricted.status()).isEqualTo("executed");
    assertThat(gate.requests().rollBack(restricted.id(), "person:responder").status()).isEqualTo("rolled_back");
    assertThat(undoMemos).containsExactly("[\"a\",\"b\"]");
  }

  @Test
  void aRealRequestIsNotAnsweredForADryRunWithItsKey() {
    GateService gate = gate();
    GateAnswer real = gate.requests().submit(ask("cred:stripe-key", "revoke_credential", "person:responder", "k1", false));
    assertThat(real.status()).isEqualTo("pending_approval");
    GateAnswer dry = gate.requests().submit(ask("cred:stripe-key", "revoke_credential", "person:responder", "k1", true));
    assertThat(dry.status()).isEqualTo("dry_run");
    assertThat(dry.id()).startsWith("dry-").isNotEqualTo(real.id());
    assertThat(gate.requests().list(null, 10)).extracting(GateAnswer::id).containsExactly(real.id());
  }

  @Test
  void aDryRunWithAKeyLeavesTheKeyToTheRealRequest() {
    GateService gate = gate();
    GateAnswer dry = gate.requests().submit(ask("cred:stripe-key", "revoke_credential", "person:responder", "k1", true));
    assertThat(dry.status()).isEqualTo("dry_run");
    GateAnswer real = gate.requests().submit(ask("cred:stripe-key", "revoke_credential", "person:responder", "k1", false));
    assertThat(real.status()).isEqualTo("pending_approval");
    assertThat(real.id()).isNotEqualTo(dry.id());
    assertThat(gate.requests().submit(ask("cred:stripe-key", "revoke_credential", "person:responder", "k1", false)).id())
        .isEqualTo(real.id());
  }
}
