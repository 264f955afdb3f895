package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.bench.GateLoad;
import io.blastgate.bench.GeneratedOrg;
import io.blastgate.bench.OrgSpec;
import io.blastgate.bench.SyntheticOrg;
import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the plugin, a decision reads everything in one statement ({@code gate/weigh.cypher}); without
 * it, in four ({@code target-facts.cypher}, the radius, the mark twice). Both must weigh every target
 * alike, errors included: this keeps the one file from drifting away from the others.
 */
@ExtendWith(TestGraph.class)
class WeighInOneStatementTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T12:00:00Z"));
  private Graph graph;

  @BeforeEach
  void seed(Graph graph) {
    this.graph = graph;
    Seed.ENTITIES.writeTo(graph);
    Seed.GATE_PEOPLE.writeTo(graph);
    // A containment on one target and a policy in force: both are among the facts read.
    TestGraph.database().executeTransactionally("MATCH (c:Credential) WITH c ORDER BY c.id LIMIT 1"
        + " SET c.containment = 'revoked', c.contained_by = 'req-1', c.contained_at = '2026-12-02T11:00:00Z'");
  }

  private GateService gate(Engine engine) {
    return new GateService(graph, new BlastRadiusService(graph, 10, engine), List.of(), GateAudit.NONE, clock);
  }

  private static ActionRequest ask(String target, String action) {
    return new ActionRequest(target, action, "high", "x", "person:responder", null, true);
  }

  @Test
  void bothWaysWeighEveryTargetAlike() {
    assertThat(graph.hasPlugin()).as("the test graph has the plugin, so the gate reads in one statement").isTrue();
    List<Map<String, Object>> targets = TestGraph.database().executeTransactionally(
        "MATCH (t:Entity) WHERE t:Identity OR t:Credential OR t:Workload"
            + " RETURN t.id AS id, CASE WHEN t:Identity THEN 'disable_identity' WHEN t:Credential"
            + " THEN 'revoke_credential' ELSE 'block_workload' END AS action ORDER BY id",
        Map.of(), r -> r.stream().toList());
    assertThat(targets).hasSizeGreaterThanOrEqualTo(9);

    assertWeighedAlike(targets.stream().map(t -> ask((String) t.get("id"), (String) t.get("action"))).toList());
    assertThat(gate(Engine.PLUGIN).weigh(ask(containedCredential(), "revoke_credential")).target().containment())
        .isNotNull();
  }

  /** Role chains, shared secrets, cycles and critical workloads: the benchmark's generator. */
  @Test
  void bothWaysWeighASyntheticOrganisationAlike(@TempDir Path dir) {
    GeneratedOrg org = SyntheticOrg.write(new OrgSpec(11, 2_000, 80, 10), dir.resolve("org.json"));
    ImportReport report = new Importer(graph, ImportSettings.defaults())
        .importPath(org.bundle(), Optional.empty(), ImportProgress.none());
    assertThat(report.status()).isEqualTo(ImportReport.Status.SUCCEEDED);

    assertWeighedAlike(GateLoad.targetsOf(org).stream().map(t -> ask(t.id(), t.action())).toList());
  }

  private void assertWeighedAlike(List<ActionRequest> requests) {
    GateService oneStatement = gate(Engine.PLUGIN);
    GateService fourStatements = gate(Engine.CYPHER);
    for (ActionRequest request : requests) {
      GateService.Weighed one = oneStatement.weigh(request);
      GateService.Weighed four = fourStatements.weigh(request);

      assertThat(one.target()).as(request.target()).isEqualTo(four.target());
      assertThat(one.radius()).as(request.target()).usingRecursiveComparison().ignoringFields("computedAt")
          .isEqualTo(four.radius());
      assertThat(one.decision()).as(request.target()).isEqualTo(four.decision());
    }
  }

  @Test
  void bothWaysRefuseWhatIsNoTargetInTheSameWords() {
    String owner = TestGraph.database().executeTransactionally(
        "MATCH (o:Owner) RETURN o.id AS id ORDER BY id LIMIT 1", Map.of(), r -> (String) r.next().get("id"));
    String workload = TestGraph.database().executeTransactionally(
        "MATCH (w:Workload) RETURN w.id AS id ORDER BY id LIMIT 1", Map.of(), r -> (String) r.next().get("id"));
    for (ActionRequest request : List.of(ask("nothing:here", "disable_identity"), ask(owner, "disable_identity"),
        ask(workload, "revoke_credential"))) {
      Throwable one = catchThrowable(() -> gate(Engine.PLUGIN).weigh(request));
      Throwable four = catchThrowable(() -> gate(Engine.CYPHER).weigh(request));

      assertThat(one).as(request.target()).isNotNull().hasSameClassAs(four).hasMessage(four.getMessage());
    }
  }

  @Test
  void theStatementReadsThePublicationMarkFirstAndLast() {
    TestGraph.database().executeTransactionally(
        "MERGE (p:Publication {name: 'graph'}) SET p.seq = 7, p.writer = 'run-x', p.source = 'hr'");

    Map<String, Object> row = TestGraph.database().executeTransactionally(GateQuery.WEIGH.text(),
        Map.of("id", containedCredential(), "maxHops", 10), r -> r.next());

    assertThat(row).containsEntry("seq_before", 7L).containsEntry("writer", "run-x").containsEntry("source", "hr")
        .containsEntry("seq_after", 7L);
    assertThat((List<?>) row.get("radius")).isNotEmpty();
  }

  private static String containedCredential() {
    return TestGraph.database().executeTransactionally(
        "MATCH (c:Credential) WHERE c.containment IS NOT NULL RETURN c.id AS id", Map.of(),
        r -> (String) r.next().get("id"));
  }
}
