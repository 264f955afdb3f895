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
}
