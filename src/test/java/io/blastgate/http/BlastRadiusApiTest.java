package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worked example of graph-model/README.md, asked over real HTTP: the exact answer the spec gives. */
@ExtendWith(TestGraph.class)
class BlastRadiusApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
  }

  @Test
  void theWorkedExampleOverHttp() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/blast-radius?target=cred%3Astripe-key", "viewer");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.at("/target/label").asText()).isEqualTo("Credential");
    List<String> rows = new ArrayList<>();
    body.get("impacted").forEach(w -> rows.add(w.get("hops").asInt() + " " + w.get("id").asText()));
    assertThat(rows)
        .containsExactly("0 wl:checkout", "0 wl:refunds", "1 wl:storefront", "2 wl:reports");
    JsonNode s = body.get("summary");
    assertThat(s.get("direct").asInt()).isEqualTo(2);
    assertThat(s.get("total").asInt()).isEqualTo(4);
    assertThat(s.get("deepest_hops").asInt()).isEqualTo(2);
    assertThat(s.at("/by_criticality/critical").asInt()).isEqualTo(1);
    assertThat(s.at("/by_criticality/high").asInt()).isEqualTo(2);
    assertThat(s.at("/by_criticality/low").asInt()).isEqualTo(1);
    assertThat(s.get("unowned").asInt()).isEqualTo(1);
    assertThat(s.get("teams").toString()).isEqualTo("[\"team:payments\",\"team:web\"]");
    assertThat(s.get("environments").toString()).isEqualTo("[\"dev\",\"prod\"]");
    assertThat(s.get("shared_secret").asBoolean()).isTrue();
    JsonNode shared = body.at("/shared_secrets/0");
    assertThat(shared.get("consumer_count").asInt()).isEqualTo(2);
    assertThat(shared.get("teams").toString()).isEqualTo("[\"team:payments\"]");
    assertThat(body.get("truncated").asBoolean()).isFalse();
  }

  @Test
  void unknownTargetIsANotFoundProblem() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/blast-radius?target=cred%3Anope", "viewer");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("cred:nope");
  }
}
