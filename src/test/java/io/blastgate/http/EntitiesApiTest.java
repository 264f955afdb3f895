package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/v1/entities over real HTTP against the seeded worked example. */
@ExtendWith(TestGraph.class)
class EntitiesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
  }

  @Test
  void lookupRendersTheEntityExactlyAsTheContractShowsIt() throws IOException {
    HttpResponse<String> r = api.get("/api/v1/entities?id=" + enc("cred:stripe-key"), "viewer");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode expected =
        JSON.readTree(
            """
            {"entity": {"id": "cred:stripe-key", "label": "Credential", "kind": "api_token", "name": "Stripe API key",
                        "properties": {"status": "active", "created_at": "2026-01-04T09:00:00Z",
                                       "expires_at": null, "last_used_at": "2026-11-20T12:00:00Z"},
                        "sources": ["payments-inventory"],
                        "first_seen": "2026-11-01T08:30:00Z", "last_seen": "2026-11-20T12:00:00Z",
                        "last_changed": "2026-11-20T12:00:00Z"},
             "containment": null,
             "owners": [{"id": "team:payments", "name": "Payments", "kind": "team"}],
             "neighbours": [
               {"direction": "out", "type": "AUTHENTICATES_AS",
                "entity": {"id": "id:stripe-sa", "label": "Identity", "kind": "service_account", "name": "stripe service account"}},
               {"direction": "in", "type": "OWNS",
                "entity": {"id": "team:payments", "label": "Owner", "kind": "team", "name": "Payments"}},
               {"direction": "in", "type": "USES",
                "entity": {"id": "wl:checkout", "label": "Workload", "kind": "service", "name": "checkout"}},
               {"direction": "in", "type": "USES",
                "entity": {"id": "wl:refunds", "label": "Workload", "kind": "service", "name": "refunds"}}],
             "neighbours_truncated": false}
            """);
    assertThat(JSON.readTree(r.body())).isEqualTo(expected);
  }

  @Test
  void anUnknownIdIs404() throws IOException {
    JsonNode p = ProblemsTest.assertProblem(api.get("/api/v1/entities?id=" + enc("wl:chekout"), "viewer"), 404, "not-found");
    assertThat(p.get("detail").asText()).isEqualTo("no entity with id 'wl:chekout' in the graph");
  }

  @Test
  void searchFindsStripeKeyPagesAndFilters() throws IOException {
    JsonNode page = ok("/api/v1/entities?q=" + enc("stripe key"));
    assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("Stripe API key");
    assertThat(page.get("limit").asInt()).isEqualTo(50);
    assertThat(page.get("offset").asInt()).isZero();
    assertThat(page.get("next_offset").isNull()).isTrue();

    JsonNode identities = ok("/api/v1/entities?q=stripe&label=Identity");
    assertThat(ids(identities)).containsExactly("id:stripe-sa");

    List<String> all = ids(ok("/api/v1/entities?q=stripe"));
    assertThat(all).hasSize(4);
    JsonNode first = ok("/api/v1/entities?q=stripe&limit=3");
    assertThat(first.get("next_offset").asInt()).isEqualTo(3);
    JsonNode second = ok("/api/v1/entities?q=stripe&limit=3&offset=3");
    assertThat(second.get("next_offset").isNull()).isTrue();
    List<String> paged = new ArrayList<>(ids(first));
    paged.addAll(ids(second));
    assertThat(paged).containsExactlyElementsOf(all);
  }

  @Test
  void luceneSyntaxIsJustText() throws IOException {
    for (String q : List.of("\"a:b* OR (x~", "\\", "*:*", "stripe OR checkout", "name:stripe")) {
      assertThat(ids(ok("/api/v1/entities?q=" + enc(q)))).as(q).isEmpty();
    }
  }

  @Test
  void badParametersAre400sThatNameTheParameter() throws IOException {
    String[][] cases = {
      {"/api/v1/entities", "give exactly one of the query parameters 'id' and 'q'"},
      {"/api/v1/entities?id=a&q=b", "give exactly one of the query parameters 'id' and 'q'"},
      {"/api/v1/entities?id=", "query parameter 'id' must not be empty"},
      {"/api/v1/entities?id=a&id=b", "query parameter 'id' is given more than once"},
      {"/api/v1/entities?q=a&limit=0", "query parameter 'limit' must be an integer from 1 to 200; got '0'"},
      {"/api/v1/entities?q=a&limit=201", "query parameter 'limit' must be an integer from 1 to 200; got '201'"},
      {"/api/v1/entities?q=a&limit=ten", "query parameter 'limit' must be an integer from 1 to 200; got 'ten'"},
      {"/api/v1/entities?q=a&offset=-1", "query parameter 'offset' must be an integer from 0 to 2147483447; got '-1'"},
      {"/api/v1/entities?q=a&label=Team", "query parameter 'label' must be one of Identity, Credential, Workload, Owner; got 'Team'"},
      {"/api/v1/entities?q=" + "a".repeat(257), "query parameter 'q' must be at most 256 characters"},
    };
    for (String[] c : cases) {
      JsonNode p = ProblemsTest.assertProblem(api.get(c[0], "viewer"), 400, "bad-request");
      assertThat(p.get("detail").asText()).as(c[0]).isEqualTo(c[1]);
    }
  }

  private static JsonNode ok(String path) throws IOException {
    HttpResponse<String> r = api.get(path, "viewer");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
