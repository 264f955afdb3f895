package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an executed action left on its target, over real HTTP (a real Neo4j): the blast radius and the
 * entity show it, and asking for it again is a 409 already-contained that names the request, each
 * answer held to the contract.
 */
@ExtendWith(TestGraph.class)
class ContainmentApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
    TestGraph.database().executeTransactionally(
        "MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = datetime() - duration('PT1H')");
    TestGraph.database().executeTransactionally(
        "MATCH (t:Owner {id: 'team:payments'}), (w:Workload {id: 'wl:stripe-webhooks'}) CREATE (t)-[:OWNS]->(w)");
  }

  private static HttpResponse<String> block(boolean dry) {
    return api.post("/api/v1/actions", "responder", "application/json", ("{\"target\": \"wl:stripe-webhooks\","
        + " \"action\": \"block_workload\", \"confidence\": \"high\", \"reason\": \"x\", \"dry_run\": " + dry + "}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode valid(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    ContractTest.assertValidResponse(r, status);
    return JSON.readTree(r.body());
  }

  @Test
  void aBlockedWorkloadSaysSoAndIsNotBlockedAgain() throws Exception {
    JsonNode free = valid(api.get("/api/v1/blast-radius?target=wl:stripe-webhooks", "viewer"), 200);
    assertThat(free.at("/target/containment").isNull()).isTrue();
    assertThat(valid(api.get("/api/v1/entities?id=wl:stripe-webhooks", "viewer"), 200).get("containment").isNull())
        .isTrue();

    JsonNode done = valid(block(false), 200);
    assertThat(done.get("status").asText()).isEqualTo("executed");
    String id = done.get("id").asText();

    JsonNode radius = valid(api.get("/api/v1/blast-radius?target=wl:stripe-webhooks", "viewer"), 200);
    assertThat(radius.at("/target/containment/state").asText()).isEqualTo("blocked");
    assertThat(radius.at("/target/containment/by").asText()).isEqualTo(id);
    assertThat(radius.at("/target/containment/until").isNull()).isTrue();
    assertThat(radius.get("impacted")).isEqualTo(free.get("impacted"));
    JsonNode entity = valid(api.get("/api/v1/entities?id=wl:stripe-webhooks", "viewer"), 200);
    assertThat(entity.at("/containment/state").asText()).isEqualTo("blocked");
    assertThat(entity.at("/containment/since")).isEqualTo(radius.at("/target/containment/since"));

    for (boolean dry : new boolean[] {false, true}) {
      JsonNode problem = valid(block(dry), 409);
      assertThat(problem.get("type").asText()).isEqualTo("https://blastgate.io/problems/already-contained");
      assertThat(problem.get("target").asText()).isEqualTo("wl:stripe-webhooks");
      assertThat(problem.at("/containment/by").asText()).isEqualTo(id);
      assertThat(problem.get("detail").asText()).startsWith("wl:stripe-webhooks is already blocked (request " + id);
    }
    JsonNode requests = valid(api.get("/api/v1/actions", "viewer"), 200);
    assertThat(requests.get("requests")).hasSize(1);
  }
}
