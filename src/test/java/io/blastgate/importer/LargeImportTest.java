package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A generated bundle of 50,000 entities, written in batches of 1,000 (counts only; never a time). */
@ExtendWith(TestGraph.class)
class LargeImportTest {
  static final int TEAMS = 500;
  static final int IDENTITIES = 10_000;
  static final int CREDENTIALS = 12_000;
  static final int WORKLOADS = 27_500;

  record Step(String phase, long amount) {}

  @Test
  void importsFiftyThousandEntitiesInBatches(Graph graph, @TempDir Path dir) throws IOException {
    Path bundle = dir.resolve("large.json");
    generate(bundle);
    List<Step> steps = new ArrayList<>();
    ImportProgress recorder = new ImportProgress() {
      String phase = "";

      @Override
      public void phase(String name, long total) {
        phase = name;
        steps.add(new Step(name, total));
      }

      @Override
      public void advance(long n) {
        steps.add(new Step(phase + " +", n));
      }
    };
    ImportSettings settings = ImportSettings.defaults().withBatchSize(1000);

    ImportReport report = new Importer(graph, settings).importPath(bundle, Optional.empty(), recorder);

    assertThat(report.errors()).isEmpty();
    // Each credential authenticates as an identity, each workload uses a credential and (but the first)
    // depends on the one before it, each team owns 55 workloads.
    long relationships = CREDENTIALS + WORKLOADS + (WORKLOADS - 1) + WORKLOADS;
    assertThat(report.counts()).isEqualTo(new Counts(IDENTITIES, CREDENTIALS, WORKLOADS, TEAMS, relationships, 0, 50_000, relationships, 0, 0));
    assertThat(GraphSnapshot.count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(50_000);
    assertThat(GraphSnapshot.count("MATCH (:Entity)-[r]->(:Entity) RETURN count(r)")).isEqualTo(relationships);
    List<Long> nodeBatches = steps.stream().filter(s -> s.phase().equals("write nodes +")).map(Step::amount).toList();
    List<Long> relationshipBatches =
        steps.stream().filter(s -> s.phase().equals("write relationships +")).map(Step::amount).toList();
    assertThat(nodeBatches).allSatisfy(n -> assertThat(n).isBetween(1L, 1000L));
    assertThat(nodeBatches.stream().mapToLong(Long::longValue).sum()).isEqualTo(50_000);
    assertThat(nodeBatches).hasSize(51); // 10 + 12 + 28 (27 full, one of 500) + 1 of 500
    assertThat(relationshipBatches).allSatisfy(n -> assertThat(n).isBetween(1L, 1000L));
    assertThat(relationshipBatches.stream().mapToLong(Long::longValue).sum()).isEqualTo(relationships);
    assertThat(GraphSnapshot.count(
        "MATCH (w:Workload {id: 'wl:27499'})-[:DEPENDS_ON]->(p:Workload {id: 'wl:27498'}) RETURN count(*)")).isEqualTo(1);
  }

  private static void generate(Path file) throws IOException {
    BundleGenerator.write(file, TEAMS, IDENTITIES, CREDENTIALS, WORKLOADS);
  }
}
