package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Action requests over real HTTP on the worked example (a real Neo4j): run at once when the gate
 * says so, waiting for the right people otherwise, never approved by their requester, run once after
 * enough approvals, re-checked against a grown blast radius, rejected, rolled back.
 */
@ExtendWith(TestGraph.class)
class ActionRequestsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
    cypher("MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = datetime() - duration('PT1H')");
    cypher("MATCH (web:Owner {id: 'team:web'}) CREATE (:Entity:Owner {id: 'person:bo', name: 'Bo', kind: 'person',"
        + " sources: ['payments-inventory']})-[:MEMBER_OF]->(web)");
  }

  private static void cypher(String statement) {
    TestGraph.database().executeTransactionally(statement);
  }

  private static Object scalar(String query) {
    return TestGraph.database().executeTransactionally(query, Map.of(), r -> r.next().values().iterator().next());
  }

  static JsonNode post(String path, String token, String body, int status) throws Exception {
    HttpResponse<String> r = api.post(path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    ContractTest.assertValidResponse(r, status);
    return JSON.readTree(r.body());
  }

  static JsonNode request(String target, String action, String key) throws Exception {
    return post("/api/v1/actions", "responder", "{\"target\": \"" + target + "\", \"action\": \"" + action
        + "\", \"confidence\": \"high\", \"reason\": \"seen in a paste\""
        + (key == null ? "" : ", \"idempotency_key\": \"" + key + "\"") + "}", 200);
  }

  @Test
  void anActionWithinTheLimitsRunsAtOnceAndRecordsItsStateOnce() throws Exception {
    JsonNode a = request("wl:stripe-webhooks", "block_workload", null);
    // Unowned: waits. Give it an owner, and it runs.
    assertThat(a.get("status").asText()).isEqualTo("pending_approval");
    cypher("MATCH (t:Owner {id: 'team:payments'}), (w:Workload {id: 'wl:stripe-webhooks'}) CREATE (t)-[:OWNS]->(w)");
    JsonNode b = request("wl:stripe-webhooks", "block_workload", "k-1");
    assertThat(b.get("status").asText()).as(b.toString()).isEqualTo("executed");
    assertThat(b.get("execution_detail").asText()).isEqualTo("the graph records wl:stripe-webhooks as blocked");
    assertThat(scalar("MATCH (w:Workload {id: 'wl:stripe-webhooks'}) RETURN w.containment")).isEqualTo("blocked");
    Object at = scalar("MATCH (w:Workload {id: 'wl:stripe-webhooks'}) RETURN toString(w.contained_at)");

    JsonNode again = request("wl:stripe-webhooks", "block_workload", "k-1");
    assertThat(again.get("id").asText()).isEqualTo(b.get("id").asText());
    assertThat(scalar("MATCH (w:Workload {id: 'wl:stripe-webhooks'}) RETURN toString(w.contained_at)")).isEqualTo(at);
    assertThat(scalar("MATCH (r:ActionRequest {idempotency_key: 'k-1'}) RETURN count(r)")).isEqualTo(1L);

    JsonNode rolled = post("/api/v1/actions/" + b.get("id").asText() + "/rollback", "responder", "{}", 200);
    assertThat(rolled.get("status").asText()).isEqualTo("rolled_back");
    assertThat(scalar("MATCH (w:Workload {id: 'wl:stripe-webhooks'}) RETURN w.containment")).isNull();
    post("/api/v1/actions/" + b.get("id").asText() + "/rollback", "responder", "{}", 409);
  }

  @Test
  void aCriticalRadiusWaitsForTwoDistinctPeopleOfTheTeamsThatWouldBreak() throws Exception {
    JsonNode a = request("cred:stripe-key", "revoke_credential", null);
    String id = a.get("id").asText();
    assertThat(a.get("status").asText()).isEqualTo("pending_approval");
    assertThat(a.at("/decision/approvals_needed").asInt()).isEqualTo(2);
    String approve = "/api/v1/actions/" + id + "/approve";

    post(approve, "approver", "{}", 403); // holds the role, but is in neither team
    JsonNode once = post(approve, "ana", "{\"comment\": \"payments agrees\"}", 200);
    assertThat(once.get("status").asText()).isEqualTo("pending_approval");
    assertThat(once.get("approved_by").toString()).isEqualTo("[\"person:ana\"]");
    assertThat(post(approve, "ana", "{}", 409).get("detail").asText()).isEqualTo("person:ana already approved request " + id);
    JsonNode twice = post(approve, "bo", "{}", 200);
    assertThat(twice.get("status").asText()).isEqualTo("executed");
    assertThat(scalar("MATCH (c:Credential {id: 'cred:stripe-key'}) RETURN c.containment")).isEqualTo("revoked");
    post(approve, "cy", "{}", 409);
    // Every step is in the audit trail, in order, and the chain verifies.
    HttpResponse<String> audit = api.get("/api/v1/audit?request_id=" + id, "auditor");
    ContractTest.assertValidResponse(audit, 200);
    JsonNode trail = JSON.readTree(audit.body());
    List<String> steps = new java.util.ArrayList<>();
    trail.get("entries").forEach(e -> steps.add(e.get("event").asText() + " " + e.get("actor").asText()));
    assertThat(steps).containsExactly("requested person:responder", "decided blastgate", "approved person:ana",
        "approved person:bo", "execution_started blastgate", "executed blastgate");
    assertThat(trail.get("verified").asBoolean()).isTrue();
    // Revoking cannot be undone.
    assertThat(post("/api/v1/actions/" + id + "/rollback", "responder", "{}", 409).get("detail").asText())
        .isEqualTo("'revoke_credential' cannot be undone");
  }

  @Test
  void aRadiusThatGrewBeforeTheLastApprovalWaitsAgain() throws Exception {
    String id = request("cred:stripe-key", "revoke_credential", null).get("id").asText();
    post("/api/v1/actions/" + id + "/approve", "ana", "{}", 200);
    cypher("MATCH (c:Credential {id: 'cred:stripe-key'}) CREATE (:Entity:Workload {id: 'wl:new', name: 'new',"
        + " kind: 'service', criticality: 'critical', status: 'active'})-[:USES]->(c)");
    JsonNode back = post("/api/v1/actions/" + id + "/approve", "bo", "{}", 200);
    assertThat(back.get("status").asText()).isEqualTo("pending_approval");
    assertThat(back.get("approved_by")).isEmpty();
    assertThat(back.at("/decision/blast_radius/summary/total").asInt()).isEqualTo(5);
    assertThat(scalar("MATCH (c:Credential {id: 'cred:stripe-key'}) RETURN c.containment")).isNull();
  }

  @Test
  void theRequesterNeverApprovesAndARejectionEndsTheRequest() throws Exception {
    cypher("MATCH (t:Owner {id: 'team:payments'}) MERGE (p:Entity:Owner {id: 'person:responder'})"
        + " SET p.kind = 'person', p.name = 'R' CREATE (p)-[:MEMBER_OF]->(t)");
    String id = request("cred:stripe-key", "revoke_credential", null).get("id").asText();
    // The responder token holds no approver role: 403 from the role check; the same principal with it
    // would be refused by the gate (GateServiceTest covers the rule itself).
    post("/api/v1/actions/" + id + "/approve", "responder", "{}", 403);
    JsonNode rejected = post("/api/v1/actions/" + id + "/reject", "bo", "{\"comment\": \"checkout is mid-release\"}", 200);
    assertThat(rejected.get("status").asText()).isEqualTo("rejected");
    post("/api/v1/actions/" + id + "/approve", "ana", "{}", 409);
    HttpResponse<String> list = api.get("/api/v1/actions?status=rejected", "viewer");
    ContractTest.assertValidResponse(list, 200);
    assertThat(JSON.readTree(list.body()).get("requests")).hasSize(1);
    HttpResponse<String> missing = api.get("/api/v1/actions/nope", "viewer");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(List.of(JSON.readTree(missing.body()).get("detail").asText())).containsExactly("no action request with id 'nope'");
  }
}
