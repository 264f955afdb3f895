package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.audit.AuditEvent;
import io.blastgate.audit.AuditRecord;
import io.blastgate.audit.AuditTrail;
import io.blastgate.config.AppConfig;
import io.blastgate.graph.Graph;
import io.blastgate.audit.AuditKey;
import io.blastgate.config.AuditKeyFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import io.blastgate.testing.TestGraph;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/audit} and its export over real HTTP: filters, paging, role, contract, verdict. */
@ExtendWith(TestGraph.class)
class AuditApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  /** The trail the API serves: the same graph, the same key file (the app's data folder). */
  private AuditTrail trail;

  @BeforeEach
  void twelveEntries(Graph graph) {
    AppConfig config = AppConfig.fromEnvironment(Map.of("BLASTGATE_DATA_DIR", api.dataDir.toString()));
    // The program's key file, and a clock that moves a minute per entry from 09:00.
    Instant start = Instant.parse("2026-12-01T09:00:00Z");
    AtomicInteger ticks = new AtomicInteger();
    Clock stepping = new Clock() {
      @Override public ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(ZoneId zone) { return this; }
      @Override public Instant instant() { return start.plusSeconds(60L * ticks.getAndIncrement()); }
    };
    trail = new AuditTrail(graph, () -> AuditKey.of(AuditKeyFile.read(config)), stepping);
    for (int i = 1; i <= 12; i++) {
      AuditEvent event = i % 3 == 0 ? AuditEvent.APPROVED : AuditEvent.REQUESTED;
      trail.append(new AuditRecord(event, "person:ana", "req-" + (i % 4), i % 2 == 0 ? "cred:stripe-key" : "id:ci",
          Map.of("step", i)));
    }
  }

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<Long> seqs(JsonNode body) {
    List<Long> seqs = new ArrayList<>();
    body.get("entries").forEach(e -> seqs.add(e.get("seq").asLong()));
    return seqs;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyEntryOldestFirstWithTheVerdictValidAgainstTheContract() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/audit", "auditor");
    ContractTest.assertValidResponse(r, 200);
    JsonNode body = body(r);
    assertThat(seqs(body)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(body.get("verified").asBoolean()).isTrue();
    assertThat(body.get("problems").size()).isZero();
    assertThat(body.get("next_after_seq").isNull()).isTrue();
    JsonNode first = body.at("/entries/0");
    assertThat(first.get("event").asText()).isEqualTo("requested");
    assertThat(first.get("request_id").asText()).isEqualTo("req-1");
    assertThat(first.get("target").asText()).isEqualTo("id:ci");
    assertThat(first.at("/details/step").asInt()).isEqualTo(1);
    assertThat(first.get("prev_hash").asText()).isEqualTo(AuditTrail.GENESIS);
    assertThat(body.at("/entries/1/prev_hash").asText()).isEqualTo(first.get("hash").asText());
  }

  @Test
  void filtersByTargetRequestEventAndTime() throws Exception {
    assertThat(seqs(body(api.get("/api/v1/audit?target=" + enc("cred:stripe-key"), "auditor"))))
        .containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
    assertThat(seqs(body(api.get("/api/v1/audit?request_id=req-1", "auditor")))).containsExactly(1L, 5L, 9L);
    assertThat(seqs(body(api.get("/api/v1/audit?event=approved&target=" + enc("cred:stripe-key"), "auditor"))))
        .containsExactly(6L, 12L);
    HttpResponse<String> fromFifth = api.get("/api/v1/audit?from=2026-12-01T09:04:00Z", "auditor");
    ContractTest.assertValidResponse(fromFifth, 200);
    assertThat(seqs(body(fromFifth))).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(seqs(body(api.get("/api/v1/audit?from=2026-12-01T09:01:30Z&to=" + enc("2026-12-01T10:05:00+01:00"), "auditor"))))
        .containsExactly(3L, 4L, 5L);
    assertThat(seqs(body(api.get("/api/v1/audit?to=2000-01-01T00:00:00Z", "auditor")))).isEmpty();
  }

  @Test
  void pagesFollowTheCursorToTheEnd() throws Exception {
    List<Long> seen = new ArrayList<>();
    String cursor = "0";
    int pages = 0;
    while (cursor != null) {
      HttpResponse<String> r = api.get("/api/v1/audit?limit=5&after_seq=" + cursor, "auditor");
      ContractTest.assertValidResponse(r, 200);
      JsonNode body = body(r);
      seen.addAll(seqs(body));
      cursor = body.get("next_after_seq").isNull() ? null : body.get("next_after_seq").asText();
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
  }

  @Test
  void aTamperedTrailIsAnsweredNotVerifiedWithItsProblems() throws Exception {
    TestGraph.database().executeTransactionally("MATCH (e:AuditEntry {seq: 7}) SET e.actor = 'person:mallory'");
    HttpResponse<String> r = api.get("/api/v1/audit?limit=1", "auditor");
    ContractTest.assertValidResponse(r, 200);
    JsonNode body = body(r);
    assertThat(body.get("verified").asBoolean()).isFalse();
    assertThat(body.at("/problems/0/seq").asLong()).isEqualTo(7);
    assertThat(body.at("/problems/0/message").asText()).isEqualTo("entry 7 was changed: its hash does not match its contents");
  }

  @Test
  void onlyAnAuditorOrAnAdminReadsTheTrail() {
    ContractTest.assertValidResponse(api.get("/api/v1/audit", "viewer"), 403);
    ContractTest.assertValidResponse(api.get("/api/v1/audit/export", "viewer"), 403);
    ContractTest.assertValidResponse(api.get("/api/v1/audit", "responder"), 403);
    ContractTest.assertValidResponse(api.get("/api/v1/audit", null), 401);
    ContractTest.assertValidResponse(api.get("/api/v1/audit", "admin"), 200);
  }

  @Test
  void badParametersAreProblemsThatNameThem() throws Exception {
    for (String[] bad : new String[][] {
      {"limit=501", "query parameter 'limit' must be an integer from 1 to 500; got '501'"},
      {"event=deleted", "query parameter 'event' must be one of requested, decided, approved, rejected, expired,"
          + " execution_started, executed, execution_failed, rolled_back, policy_changed, detection; got 'deleted'"},
      {"from=yesterday", "query parameter 'from' must be an RFC 3339 timestamp such as 2026-12-01T09:00:00Z; got 'yesterday'"},
      {"from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "query parameter 'from' must be before 'to'"},
    }) {
      HttpResponse<String> r = api.get("/api/v1/audit?" + bad[0], "auditor");
      ContractTest.assertValidResponse(r, 400);
      assertThat(JSON.readTree(r.body()).get("detail").asText()).isEqualTo(bad[1]);
    }
  }

  @Test
  void theExportIsEveryEntryAsJsonLines() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/audit/export", "auditor");
    ContractTest.assertValidResponse(r, 200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    String[] lines = r.body().split("\n");
    assertThat(lines).hasSize(12);
    JsonNode all = body(api.get("/api/v1/audit", "auditor"));
    for (int i = 0; i < lines.length; i++) {
      assertThat(JSON.readTree(lines[i])).isEqualTo(all.at("/entries/" + i));
    }
  }
}
