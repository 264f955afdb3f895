package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate over real HTTP on the worked example (a real Neo4j): dry runs of actions, their reasons
 * and figures, the policy read and replaced, and bad requests and policies refused with nothing changed.
 */
@ExtendWith(TestGraph.class)
class GateApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
    synced("datetime() - duration('PT1H')");
  }

  private static void synced(String when) {
    TestGraph.database().executeTransactionally(
        "MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = " + when);
  }

  private static HttpResponse<String> act(String token, String body) {
    return api.post("/api/v1/actions", token, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode dryRun(String target, String action, String confidence) throws Exception {
    HttpResponse<String> r = act("responder", "{\"target\": \"" + target + "\", \"action\": \"" + action
        + "\", \"confidence\": " + confidence + ", \"reason\": \"test\", \"dry_run\": true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    ContractTest.assertValidResponse(r, 200);
    return JSON.readTree(r.body());
  }

  private static List<String> rules(JsonNode answer) {
    List<String> rules = new ArrayList<>();
    answer.at("/decision/reasons").forEach(r -> rules.add(r.get("rule").asText()));
    return rules;
  }

  @Test
  void revokingTheSharedStripeKeyWaitsForTwoPeopleOfTheTeamsThatWouldBreak() throws Exception {
    JsonNode a = dryRun("cred:stripe-key", "revoke_credential", "\"high\"");
    assertThat(a.get("status").asText()).isEqualTo("dry_run");
    assertThat(a.get("requester").asText()).isEqualTo("person:responder");
    JsonNode d = a.get("decision");
    assertThat(d.get("outcome").asText()).isEqualTo("require_approval");
    // 4 impacted (limit 3), 1 critical, 1 unowned, 2 teams (limit 1); the key's identity is protected.
    assertThat(rules(a)).containsExactly("execute-up-to", "execute-up-to", "critical-impacted",
        "unowned-impacted", "protected-target");
    assertThat(d.get("approvals_needed").asInt()).isEqualTo(2);
    assertThat(d.get("approvers").toString()).isEqualTo("[\"team:payments\",\"team:web\"]");
    assertThat(d.get("suggestion").asText()).isEqualTo("notify_owners");
    assertThat(d.get("policy_version").asText()).isEqualTo("default-2026-12-02");
    assertThat(d.at("/blast_radius/summary/total").asInt()).isEqualTo(4);
    assertThat(d.at("/reasons/0/figures/impacted").asInt()).isEqualTo(4);
  }

  @Test
  void aScoreIsMappedByThePolicysBandsAndLowConfidenceOnlyEnriches() throws Exception {
    JsonNode low = dryRun("wl:reports", "block_workload", "0.2");
    assertThat(low.get("confidence").asText()).isEqualTo("low");
    assertThat(low.get("confidence_given").asText()).isEqualTo("0.2");
    assertThat(rules(low)).contains("low-confidence");
    assertThat(dryRun("wl:reports", "notify_owners", "0.2").at("/decision/outcome").asText()).isEqualTo("execute");
    // wl:reports alone: 1 impacted, low criticality, but nobody owns it.
    JsonNode high = dryRun("wl:reports", "block_workload", "0.9");
    assertThat(high.get("confidence").asText()).isEqualTo("high");
    assertThat(rules(high)).containsExactly("unowned-impacted");
  }

  @Test
  void staleFactsNeverRunOnTheirOwn() throws Exception {
    synced("datetime() - duration('P3D')");
    JsonNode a = dryRun("wl:stripe-webhooks", "block_workload", "\"high\"");
    assertThat(a.at("/decision/outcome").asText()).isEqualTo("require_approval");
    assertThat(rules(a)).contains("stale-facts");
  }

  @Test
  void thePolicyIsReadAndReplacedWholeOrNotAtAll() throws Exception {
    HttpResponse<String> before = api.get("/api/v1/policy", "viewer");
    assertThat(before.statusCode()).isEqualTo(200);
    ContractTest.assertValidResponse(before, 200);
    assertThat(JSON.readTree(before.body()).get("version").asText()).isEqualTo("default-2026-12-02");

    String strict = """
        version: strict-1
        confidence: {medium_from: 0.5, high_from: 0.9}
        approvals: {default: 1, critical: 3}
        identity_kinds:
          default:
            soft: {execute_up_to: {impacted: 0}}
            hard: {execute_up_to: {impacted: 0}, deny_beyond: {critical: 0}}
        """;
    assertThat(put("viewer", strict).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = put("admin", strict.replace("critical: 3}", "critical: 3, quorum: 2}")
        + "rules:\n  - {name: x, when: 'impactd > 1', outcome: deny, reason: r}\n");
    assertThat(bad.statusCode()).isEqualTo(422);
    ContractTest.assertValidResponse(bad, 422);
    JsonNode problem = JSON.readTree(bad.body());
    assertThat(problem.get("type").asText()).endsWith("/invalid-document");
    List<String> where = new ArrayList<>();
    problem.get("errors").forEach(e -> where.add(e.get("location").asText()));
    assertThat(where).containsExactly("/approvals");
    assertThat(JSON.readTree(api.get("/api/v1/policy", "viewer").body()).get("version").asText())
        .isEqualTo("default-2026-12-02");

    HttpResponse<String> ok = put("admin", strict);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode changed = JSON.readTree(api.get("/api/v1/audit?event=policy_changed", "auditor").body());
    assertThat(changed.at("/entries/0/actor").asText()).isEqualTo("person:admin");
    assertThat(changed.at("/entries/0/details/version").asText()).isEqualTo("strict-1");
    assertThat(changed.at("/entries/0/details/previous_version").asText()).isEqualTo("default-2026-12-02");
    assertThat(JSON.readTree(api.get("/api/v1/policy", "viewer").body()).get("text").asText()).isEqualTo(strict);
    JsonNode denied = dryRun("cred:stripe-key", "revoke_credential", "\"high\"");
    assertThat(denied.at("/decision/outcome").asText()).isEqualTo("deny");
    assertThat(denied.at("/decision/policy_version").asText()).isEqualTo("strict-1");
  }

  @Test
  void badRequestsSayWhatIsWrong() throws Exception {
    HttpResponse<String> unfit = act("responder",
        "{\"target\": \"wl:checkout\", \"action\": \"revoke_credential\", \"confidence\": \"high\", \"reason\": \"x\", \"dry_run\": true}");
    assertThat(unfit.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unfit.body()).get("detail").asText())
        .isEqualTo("'revoke_credential' does not fit wl:checkout, a Workload: it fits [Credential]");
    assertThat(act("responder", "{\"target\": \"wl:checkout\", \"action\": \"block_workload\","
        + " \"confidence\": \"high\", \"reason\": \"x\", \"dry_run\": \"yes\"}").body()).contains("'dry_run' must be");
    assertThat(act("responder", "{\"target\": \"wl:checkout\", \"action\": \"nuke\", \"confidence\": \"high\","
        + " \"reason\": \"x\", \"dry_run\": true}").body()).contains("unknown action 'nuke'");
    assertThat(act("responder", "{\"target\": \"wl:checkout\", \"action\": \"block_workload\", \"confidence\": 7,"
        + " \"reason\": \"x\", \"dry_run\": true}").body()).contains("must be from 0 to 1");
    assertThat(act("responder", "{\"target\": \"team:web\", \"action\": \"block_workload\", \"confidence\": \"high\","
        + " \"reason\": \"x\", \"dry_run\": true}").statusCode()).isEqualTo(400);
    assertThat(act("responder", "{\"target\": \"wl:nope\", \"action\": \"block_workload\", \"confidence\": \"high\","
        + " \"reason\": \"x\", \"dry_run\": true}").statusCode()).isEqualTo(404);
    assertThat(act("viewer", "{}").statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> put(String token, String yaml) {
    return api.send(api.request("/api/v1/policy").header("Authorization", "Bearer " + api.token(token))
        .header("Content-Type", "application/yaml")
        .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build());
  }
}
