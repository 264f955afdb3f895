package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A re-import writes only what the source states otherwise than its last run did, and leaves the graph,
 * provenance and sync state included, exactly as a full rewrite of every entity would.
 */
@ExtendWith(TestGraph.class)
class IncrementalSyncTest {
  private static final Path DEMO = Fixtures.path("demo/acme-org.json");
  private static final String SOURCE = "demo-acme";

  @TempDir Path dir;

  private record Series(GraphSnapshot graph, ImportReport first, ImportReport second) {}

  /** The demo, then its next version; the graph with each run's id and instant named. */
  private static Series series(Graph graph, Path next, ImportSettings second) {
    ImportReport first = new Importer(graph, ImportSettings.defaults()).importPath(DEMO, Optional.empty(),
        ImportProgress.none());
    ZonedDateTime firstAt = GraphSnapshot.lastSynced(SOURCE);
    ImportReport then = new Importer(graph, second).importPath(next, Optional.empty(), ImportProgress.none());
    assertThat(then.errors()).isEmpty();
    ZonedDateTime thenAt = GraphSnapshot.lastSynced(SOURCE);
    GraphSnapshot named = GraphSnapshot.take().named(Map.of(first.runId(), "run-1", then.runId(), "run-2"),
        Map.of(firstAt, "instant-1", thenAt, "instant-2"));
    return new Series(named, first, then);
  }

  @ParameterizedTest(name = "written in parts: {0}")
  @ValueSource(booleans = {false, true})
  void aReImportWritesExactlyTheChangeAndEndsAsAFullRewrite(boolean parts, Graph graph) throws IOException {
    BundleEdits.Edited next = BundleEdits.edit(DEMO, dir.resolve("next.json"), 0.05, 11);
    ImportSettings incremental = parts ? ImportSettings.defaults().withCommitEvery(10) : ImportSettings.defaults();

    Series changed = series(graph, next.bundle(), incremental);
    TestGraph.clear();
    Series rewritten = series(graph, next.bundle(), incremental.withIncremental(false));

    assertThat(changed.graph()).isEqualTo(rewritten.graph());
    Counts counts = changed.second().counts();
    assertThat(counts).isEqualTo(rewritten.second().counts());
    assertThat(counts.writtenEntities()).isEqualTo(next.written().size());
    assertThat(counts.unchanged()).isEqualTo(counts.entities() - next.written().size());
    assertThat(counts.removedNodes()).isEqualTo(next.removed().size());
    // Exactly the written entities carry the second run; every other entity is as the first left it.
    Set<String> touched = new TreeSet<>();
    changed.graph().nodes().forEach((id, props) -> {
      if ("run-2".equals(props.get("last_run"))) {
        touched.add(id);
      }
    });
    assertThat(touched).isEqualTo(new TreeSet<>(next.written()));
  }

  @Test
  void anUnchangedReImportWritesNothingAndMovesOnlyTheSourceRecord(Graph graph) {
    series(graph, DEMO, ImportSettings.defaults());
    GraphSnapshot before = GraphSnapshot.take();
    ImportReport again = new Importer(graph, ImportSettings.defaults()).importPath(DEMO, Optional.empty(),
        ImportProgress.none());

    assertThat(again.counts().writtenEntities()).isZero();
    assertThat(again.counts().writtenRelationships()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(again.counts().entities());
    assertThat(GraphSnapshot.take()).isEqualTo(before);
    assertThat(GraphSnapshot.count("MATCH (s:Source {name: '" + SOURCE + "', last_run: '" + again.runId() + "'})"
        + " RETURN count(s)")).isEqualTo(1);
  }

  @Test
  void aPropertyAnotherSourceSetIsNotOverwrittenByAReImportThatStatesItAsBefore(Graph graph) throws IOException {
    Path mine = java.nio.file.Files.writeString(dir.resolve("mine.json"), """
        {"format": "blastgate.bundle/v1", "source": "cmdb",
         "workloads": [{"id": "wl:api", "kind": "service", "criticality": "low"}]}
        """);
    Path theirs = java.nio.file.Files.writeString(dir.resolve("theirs.json"), """
        {"format": "blastgate.bundle/v1", "source": "k8s",
         "workloads": [{"id": "wl:api", "kind": "service", "criticality": "critical"}]}
        """);
    Importer importer = new Importer(graph, ImportSettings.defaults());
    importer.importPath(mine, Optional.empty(), ImportProgress.none());
    importer.importPath(theirs, Optional.empty(), ImportProgress.none());
    importer.importPath(mine, Optional.empty(), ImportProgress.none());
    GraphSnapshot incremental = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    Importer full = new Importer(graph, ImportSettings.defaults().withIncremental(false));
    full.importPath(mine, Optional.empty(), ImportProgress.none());
    full.importPath(theirs, Optional.empty(), ImportProgress.none());
    full.importPath(mine, Optional.empty(), ImportProgress.none());

    // cmdb says the same as before, so k8s's later statement stands, in both.
    assertThat(incremental.nodes().get("wl:api")).containsEntry("criticality", "critical");
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(incremental);
  }
}
