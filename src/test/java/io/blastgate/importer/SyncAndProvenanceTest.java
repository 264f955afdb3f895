package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Several imports in a row: references across sources, idempotency, sync, and failures that change nothing. */
@ExtendWith(TestGraph.class)
class SyncAndProvenanceTest {
  static final Path WORKED = Fixtures.path("scenarios/worked-example/bundle.json");

  @TempDir Path dir;

  private Path bundle(String name, String json) throws IOException {
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, json);
    return file;
  }

  private static ImportReport run(Graph graph, Path path) {
    return new Importer(graph, ImportSettings.defaults()).importPath(path, Optional.empty(), ImportProgress.none());
  }

  @Test
  void referencesResolveToEntitiesThatAnotherSourceImported(Graph graph) throws IOException {
    assertThat(run(graph, WORKED).succeeded()).isTrue();
    ImportReport second = run(graph, bundle("b", """
        {"format": "blastgate.bundle/v1", "source": "inventory-b",
         "workloads": [{"id": "wl:fraud", "kind": "service", "uses": ["cred:stripe-key"], "depends_on": ["wl:checkout"]}],
         "owners": [{"id": "person:ana", "kind": "person", "member_of": ["team:payments"], "owns": ["id:stripe-sa"]}]}
        """));

    assertThat(second.errors()).isEmpty();
    assertThat(second.counts()).isEqualTo(new Counts(0, 0, 1, 1, 4, 0, 2, 4, 0, 0));
    GraphSnapshot graphNow = GraphSnapshot.take();
    assertThat(graphNow.relationships().get("wl:fraud -USES-> cred:stripe-key")).containsEntry("sources", List.of("inventory-b"));
    assertThat(graphNow.relationships()).containsKeys("person:ana -MEMBER_OF-> team:payments", "person:ana -OWNS-> id:stripe-sa");
    // The other source's entities are referred to, not asserted: their provenance is untouched.
    assertThat(graphNow.nodes().get("cred:stripe-key")).containsEntry("sources", List.of("scenario-worked-example"));
  }

  @Test
  void refusesAnIdThatTheGraphHoldsUnderAnotherLabel(Graph graph) throws IOException {
    run(graph, WORKED);
    GraphSnapshot before = GraphSnapshot.take();
    ImportReport report = run(graph, bundle("b", """
        {"format": "blastgate.bundle/v1", "source": "inventory-b",
         "identities": [{"id": "wl:checkout", "kind": "human"}],
         "owners": [{"id": "team:x", "kind": "team", "owns": ["wl:checkout"]},
                    {"id": "person:bo", "kind": "person", "member_of": ["person:bo-other"]}]}
        """));

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).extracting(ImportMessage::location)
        .containsExactly("/identities/0/id", "/owners/1/member_of/0");
    assertThat(report.errors().get(0).message()).contains("'wl:checkout'", "a Workload", "scenario-worked-example");
    assertThat(report.errors().get(1).message()).contains("'person:bo-other'", "exists nowhere");
    assertThat(GraphSnapshot.take()).isEqualTo(before);
    assertThat(GraphSnapshot.count("MATCH (s:Source {name: 'inventory-b'}) RETURN count(s)")).isZero();
  }

  @Test
  void refusesAReferenceToAPersonWhereATeamIsNeededAlsoInTheGraph(Graph graph) throws IOException {
    run(graph, bundle("a", """
        {"format": "blastgate.bundle/v1", "source": "hr", "owners": [{"id": "person:ana", "kind": "person"}]}
        """));
    ImportReport report = run(graph, bundle("b", """
        {"format": "blastgate.bundle/v1", "source": "b", "owners": [{"id": "person:bo", "kind": "person", "member_of": ["person:ana"]}]}
        """));

    assertThat(report.errors()).extracting(ImportMessage::location).containsExactly("/owners/0/member_of/0");
    assertThat(report.errors().get(0).message()).contains("'person:ana' is a person", "of kind team");
  }

  @Test
  void anImportTooLargeForOneTransactionCommitsInPartsUnderAJournalAndEndsTheSame(Graph graph) {
    ImportReport atomic = run(graph, WORKED);
    assertThat(atomic.warnings()).isEmpty();
    GraphSnapshot whole = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();

    // The worked example has 16 rows (8 entities, 8 relationships): over a limit of 3, in parts.
    ImportReport parts =
        new Importer(graph, ImportSettings.defaults().withAtomicRowLimit(3))
            .importPath(WORKED, Optional.empty(), ImportProgress.none());
    assertThat(parts.succeeded()).isTrue();
    assertThat(parts.counts()).isEqualTo(atomic.counts());
    assertThat(parts.warnings()).isEmpty();
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(whole);
    // Published: the journal is closed, its copy deleted, and readers are not held.
    assertThat(GraphSnapshot.count("MATCH (j:ImportJournal) RETURN count(j)")).isZero();
    assertThat(GraphSnapshot.count("MATCH (p:Publication) WHERE p.writer IS NOT NULL RETURN count(p)")).isZero();
    assertThat(ImportSettings.defaults().journalDir().resolve(parts.runId())).doesNotExist();
  }

  @Test
  void importingTheSameBundleTwiceWritesNothingTheSecondTime(Graph graph) {
    ImportReport first = run(graph, WORKED);
    GraphSnapshot once = GraphSnapshot.take();
    ImportReport second = run(graph, WORKED);

    assertThat(second.counts()).isEqualTo(new Counts(first.counts().identities(), first.counts().credentials(),
        first.counts().workloads(), first.counts().owners(), first.counts().relationships(),
        first.counts().entities(), 0, 0, 0, 0));
    // Every property of every node and relationship as the first run left it, provenance included.
    assertThat(GraphSnapshot.take()).isEqualTo(once);
    Map<String, Object> source = TestGraph.database().executeTransactionally(
        "MATCH (s:Source {name: 'scenario-worked-example'}) RETURN properties(s) AS p", Map.of(),
        r -> (Map<String, Object>) r.next().get("p"));
    assertThat(source).containsEntry("last_run", second.runId()).containsEntry("written_entities", 0L);
  }

  @Test
  void syncRemovesWhatTheSourceNoLongerAssertsAndKeepsWhatAnotherSourceAsserts(Graph graph) throws IOException {
    run(graph, WORKED);
    ImportReport other = run(graph, bundle("other", """
        {"format": "blastgate.bundle/v1", "source": "cmdb",
         "workloads": [{"id": "wl:refunds", "kind": "service", "criticality": "high"}]}
        """));
    assertThat(other.succeeded()).isTrue();
    // v2 drops wl:refunds (cmdb still asserts it), wl:reports (nobody else does) and checkout's USES edge.
    ImportReport v2 = run(graph, bundle("v2", """
        {"format": "blastgate.bundle/v1", "source": "scenario-worked-example",
         "identities": [{"id": "id:stripe-sa", "name": "stripe service account", "kind": "service_account", "status": "active"}],
         "credentials": [{"id": "cred:stripe-key", "name": "Stripe API key", "kind": "api_token",
                          "authenticates_as": "id:stripe-sa", "status": "active"}],
         "workloads": [
           {"id": "wl:checkout", "name": "checkout", "kind": "service", "criticality": "critical", "environment": "prod", "status": "active"},
           {"id": "wl:storefront", "name": "storefront", "kind": "service", "criticality": "high", "environment": "prod",
            "status": "active", "depends_on": ["wl:checkout"]}],
         "owners": [{"id": "team:payments", "name": "Payments", "kind": "team", "owns": ["wl:checkout"]},
                    {"id": "team:web", "name": "Web", "kind": "team", "owns": ["wl:storefront"]}]}
        """));

    assertThat(v2.errors()).isEmpty();
    // Removed: node wl:reports; relationships checkout-USES, refunds-USES, payments-OWNS-refunds, reports-DEPENDS_ON.
    // Written again: checkout and payments, which state fewer relationships; the other four are
    // stated as before.
    assertThat(v2.counts()).isEqualTo(new Counts(1, 1, 2, 2, 4, 4, 2, 0, 1, 4));
    GraphSnapshot now = GraphSnapshot.take();
    assertThat(now.nodes()).doesNotContainKey("wl:reports");
    assertThat(now.nodes().get("wl:refunds")).containsEntry("sources", List.of("cmdb"))
        .containsEntry("source_runs", List.of("cmdb@" + other.runId()));
    assertThat(now.relationships().keySet()).containsExactlyInAnyOrder(
        "cred:stripe-key -AUTHENTICATES_AS-> id:stripe-sa",
        "wl:storefront -DEPENDS_ON-> wl:checkout",
        "team:payments -OWNS-> wl:checkout",
        "team:web -OWNS-> wl:storefront");
    Map<String, Object> source = TestGraph.database().executeTransactionally(
        "MATCH (s:Source {name: 'scenario-worked-example'}) RETURN properties(s) AS p", Map.of(),
        r -> (Map<String, Object>) r.next().get("p"));
    assertThat(source).containsEntry("last_run", v2.runId()).containsEntry("removed_nodes", 1L)
        .containsEntry("removed_relationships", 4L);
  }

  @Test
  void aFailedImportLeavesTheGraphExactlyAsItWas(Graph graph) throws IOException {
    ImportReport v1 = run(graph, WORKED);
    GraphSnapshot before = GraphSnapshot.take();
    ImportReport v2 = run(graph, bundle("v2", """
        {"format": "blastgate.bundle/v1", "source": "scenario-worked-example",
         "workloads": [{"id": "wl:checkout", "kind": "service", "uses": ["cred:nowhere"]}]}
        """));

    assertThat(v2.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(v2.errors()).extracting(ImportMessage::location).containsExactly("/workloads/0/uses/0");
    assertThat(GraphSnapshot.take()).isEqualTo(before);
    assertThat(GraphSnapshot.count("MATCH (s:Source {last_run: '" + v1.runId() + "'}) RETURN count(s)")).isEqualTo(1);
  }

  @Test
  void aReferenceToWhatOnlyThisSourceAssertedBeforeIsRefused(Graph graph) throws IOException {
    run(graph, WORKED);
    // wl:reports comes only from this source's earlier run, and v2 no longer asserts it.
    ImportReport v2 = run(graph, bundle("v2", """
        {"format": "blastgate.bundle/v1", "source": "scenario-worked-example",
         "owners": [{"id": "team:web", "kind": "team", "owns": ["wl:reports"]}]}
        """));

    assertThat(v2.errors()).extracting(ImportMessage::location).containsExactly("/owners/0/owns/0");
    assertThat(v2.errors().get(0).message()).contains("earlier import of source 'scenario-worked-example'");
  }

  @Test
  void anExplicitSourceMustAgreeWithTheBundles(Graph graph) {
    ImportReport report = new Importer(graph, ImportSettings.defaults())
        .importPath(WORKED, Optional.of("something-else"), ImportProgress.none());

    assertThat(report.errors()).extracting(ImportMessage::location).containsExactly("/source");
    assertThat(report.errors().get(0).message()).contains("'scenario-worked-example'", "'something-else'");
    ImportReport invalid = new Importer(graph, ImportSettings.defaults())
        .importPath(WORKED, Optional.of("me@there"), ImportProgress.none());
    assertThat(invalid.errors()).extracting(ImportMessage::location).containsExactly("source");
    assertThat(GraphSnapshot.count("MATCH (n) WHERE NOT n:Migration RETURN count(n)")).isZero();
  }

  @Test
  void aWriteThatFailsMidwayRollsEverythingBack(Graph graph) throws IOException {
    run(graph, bundle("a", """
        {"format": "blastgate.bundle/v1", "source": "vault",
         "credentials": [{"id": "cred:shared", "kind": "secret"}]}
        """));
    run(graph, WORKED);
    GraphSnapshot before = GraphSnapshot.take();
    // v2 is valid, but once its nodes are written (in the open transaction) someone deletes the
    // credential it refers to: the relationship batch comes up short and nothing of v2 may stay.
    Path v2 = bundle("v2", """
        {"format": "blastgate.bundle/v1", "source": "scenario-worked-example",
         "workloads": [{"id": "wl:new", "kind": "job", "uses": ["cred:shared"]}]}
        """);
    ImportProgress saboteur = AtPhase.once("write relationships",
        () -> TestGraph.database().executeTransactionally("MATCH (c:Entity {id: 'cred:shared'}) DETACH DELETE c"));

    assertThatThrownBy(() -> new Importer(graph, ImportSettings.defaults()).importPath(v2, Optional.empty(), saboteur))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("create-uses");
    GraphSnapshot after = GraphSnapshot.take();
    before.nodes().remove("cred:shared");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void commitEveryGivesTheSameGraphAsOneTransaction(Graph graph) {
    ImportSettings batched = ImportSettings.defaults().withBatchSize(40).withCommitEvery(100);
    ImportReport report = new Importer(graph, batched).importPath(Fixtures.path("demo/acme-org.json"), Optional.empty(), ImportProgress.none());
    GraphSnapshot inParts = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    ImportReport atomic = run(graph, Fixtures.path("demo/acme-org.json"));

    assertThat(report.counts()).isEqualTo(atomic.counts());
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(inParts);
  }
}
