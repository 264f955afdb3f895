package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * How the importer writes: nodes the graph does not hold are created without a look-up (and so are
 * relationships touching them), everything else is merged; parts of a large import are written
 * several at once. Whatever the path, the graph must come out the same as one plain transaction.
 */
@ExtendWith(TestGraph.class)
class WritePathsTest {
  private static final Path DEMO = Fixtures.path("demo/acme-org.json");
  private static final String FELL_BACK = "found an entity created meanwhile";

  @TempDir Path dir;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  private final Logger logger = (Logger) LoggerFactory.getLogger(ImportRun.class);

  @BeforeEach
  void listen() {
    log.start();
    logger.setLevel(Level.INFO);
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
    logger.setLevel(null);
  }

  private static ImportReport run(Graph graph, ImportSettings settings, Path bundle, ImportProgress progress) {
    return new Importer(graph, settings).importPath(bundle, Optional.empty(), progress);
  }

  private static ImportSettings inParts(int writers) {
    return ImportSettings.defaults().withBatchSize(7).withCommitEvery(20).withWriters(writers);
  }

  @ParameterizedTest(name = "{0} writers")
  @ValueSource(ints = {1, 2, 4})
  void partsWrittenAtOnceGiveTheGraphOfOneTransactionFirstAndAgain(int writers, Graph graph) {
    run(graph, ImportSettings.defaults(), DEMO, ImportProgress.none());
    GraphSnapshot once = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    run(graph, ImportSettings.defaults(), DEMO, ImportProgress.none());
    GraphSnapshot twice = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();

    // Fresh (every node created) then again (every node merged), in parts of 20 rows.
    ImportReport fresh = run(graph, inParts(writers), DEMO, ImportProgress.none());
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(once);
    ImportReport again = run(graph, inParts(writers), DEMO, ImportProgress.none());
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(twice);

    assertThat(again.counts().unchanged()).isEqualTo(fresh.counts().entities());
    assertThat(again.counts().writtenEntities()).isZero();
    assertThat(relationshipCount()).as("no relationship written twice").isEqualTo(fresh.counts().relationships());
    assertThat(log.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(FELL_BACK));
  }

  @ParameterizedTest(name = "committed in parts: {0}")
  @ValueSource(booleans = {false, true})
  void anEntityAnotherWriterCreatesMeanwhileIsMergedNotRefusedNorDoubled(boolean parts, Graph graph)
      throws IOException {
    Path bundle = Files.writeString(dir.resolve("b.json"), """
        {"format": "blastgate.bundle/v1", "source": "k8s",
         "credentials": [{"id": "cred:db", "kind": "secret"}],
         "workloads": [{"id": "wl:api", "kind": "service", "uses": ["cred:db"]},
                       {"id": "wl:jobs", "kind": "job", "uses": ["cred:db"], "depends_on": ["wl:api"]}]}
        """);
    // Between the import's look-up (wl:api is nowhere) and its writes, another source creates it.
    ImportProgress meanwhile = AtPhase.once("write nodes", () -> TestGraph.database().executeTransactionally("""
        CREATE (:Entity:Workload {id: 'wl:api', kind: 'service', name: 'API', sources: ['backstage'],
                source_runs: ['backstage@r1'], source_hashes: ['backstage@x'], first_seen: datetime(),
                last_changed: datetime(), last_run: 'r1'})
        """));

    ImportReport report = run(graph, parts ? inParts(2).withBatchSize(1).withCommitEvery(1) : ImportSettings.defaults(),
        bundle, meanwhile);

    assertThat(report.succeeded()).isTrue();
    assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(FELL_BACK));
    Map<String, Object> api = GraphSnapshot.take().nodes().get("wl:api");
    assertThat(api).containsEntry("name", "API");
    assertThat(api.get("sources")).isEqualTo(List.of("backstage", "k8s"));
    assertThat(count("MATCH (n:Entity {id: 'wl:api'}) RETURN count(n)")).isEqualTo(1);
    assertThat(relationshipCount()).as("no relationship written twice").isEqualTo(3);
  }

  @Test
  void aPartThatFailsIsFinishedFromTheJournalSoTheGraphEndsAsAfterTheImport(Graph graph) throws IOException {
    run(graph, ImportSettings.defaults(), SyncAndProvenanceTest.WORKED, ImportProgress.none());
    Path v2 = Files.writeString(dir.resolve("v2.json"), """
        {"format": "blastgate.bundle/v1", "source": "scenario-worked-example",
         "credentials": [{"id": "cred:other", "kind": "secret"}],
         "workloads": [{"id": "wl:new", "kind": "job", "uses": ["cred:other"]}]}
        """);
    run(graph, ImportSettings.defaults(), v2, ImportProgress.none());
    GraphSnapshot after = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    run(graph, ImportSettings.defaults(), SyncAndProvenanceTest.WORKED, ImportProgress.none());
    ImportProgress saboteur = AtPhase.once("write relationships",
        () -> TestGraph.database().executeTransactionally("MATCH (c:Entity {id: 'cred:other'}) DETACH DELETE c"));

    ImportReport report = run(graph, inParts(2).withBatchSize(1).withCommitEvery(1), v2, saboteur);

    // The part that found cred:other gone failed; the run was then finished from its journal's copy.
    assertThat(report.succeeded()).isTrue();
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(after);
    assertThat(count("MATCH (j:ImportJournal) RETURN count(j)")).isZero();
    assertThat(count("MATCH (p:Publication) WHERE p.writer IS NOT NULL RETURN count(p)")).isZero();
    assertThat(count("MATCH (s:Source {name: 'scenario-worked-example', recovered: 'forward'})"
        + " WHERE s.last_run = '" + report.runId() + "' RETURN count(s)")).isEqualTo(1);
  }

  /**
   * A run in parts reads its journal's copy again, and start-up (or a failed part) finishes it from
   * that copy: both with the format and the options it was asked with, not what the copy's name gives.
   */
  @Test
  void aRunInPartsAndItsFinishFromTheJournalKeepTheFormatsOptions(Graph graph) throws IOException {
    Path manifests = Path.of("importers/kubernetes/samples/GoogleCloudPlatform__microservices-demo/release");
    InputChoice eu = new InputChoice(Optional.of("kubernetes"), Map.of("cluster", "eu-1"));
    ImportReport plain = new Importer(graph, ImportSettings.defaults())
        .importPath(manifests, "release", Optional.of("shop"), eu, ImportProgress.none());
    assertThat(plain.errors()).isEmpty();
    GraphSnapshot after = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    ImportProgress saboteur = AtPhase.once("write relationships", () -> TestGraph.database().executeTransactionally(
        "MATCH (a:Entity {id: 'k8s:eu-1/default/serviceaccount/cartservice'}) DETACH DELETE a"));

    ImportReport report = new Importer(graph, inParts(2).withBatchSize(1).withCommitEvery(1))
        .importPath(manifests, "release", Optional.of("shop"), eu, saboteur);

    assertThat(report.errors()).isEmpty();
    assertThat(count("MATCH (s:Source {name: 'shop', recovered: 'forward'}) RETURN count(s)")).isEqualTo(1);
    assertThat(count("MATCH (n:Entity) WHERE n.id STARTS WITH 'k8s:eu-1/' RETURN count(n)")).isPositive();
    assertThat(count("MATCH (n:Entity) WHERE n.id STARTS WITH 'k8s:release/' RETURN count(n)")).isZero();
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(after);
  }

  @Test
  void writersMustBeAtLeastOne() {
    assertThatThrownBy(() -> ImportSettings.defaults().withWriters(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writers must be at least 1");
  }

  private static long relationshipCount() {
    return count("MATCH (:Entity)-[r]->(:Entity) RETURN count(r)");
  }

  private static long count(String cypher) {
    return TestGraph.database()
        .executeTransactionally(cypher, Map.of(), r -> ((Number) r.next().values().iterator().next()).longValue());
  }
}
