package io.blastgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.bench.BenchReport.TargetImpact;
import io.blastgate.graph.Graph;
import io.blastgate.services.Services;
import io.blastgate.testing.TestGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark at a tiny size on the test's Neo4j: every figure is there and counts what it
 * should. No assertion on time: a benchmark measures, a test checks structure.
 */
@ExtendWith(TestGraph.class)
class BenchmarkTest {
  private static final int NODES = 2_000;
  /** At this size the organisation has fewer shared credentials than the ten most-shared asked for. */
  private static final int SHARED = new OrgShape(42, NODES).sharedCredentials;

  /** One run for every check: the first run of each statement costs most of its few seconds. */
  @Test
  void aTinyRunReportsEveryFigureAndWritesTheSameAsJson(Graph graph, @TempDir Path dir)
      throws Exception {
    BenchOptions opts =
        BenchOptions.defaults()
            .withNodes(NODES)
            .withSamples(10, 6, 1)
            .withDataDir(dir.resolve("data"))
            .withImport(500, 0)
            .withOutput(dir.resolve("report.json"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Services services = Services.over(graph, Benchmark.config(opts, dir.resolve("unused"), 1L << 20));

    BenchReport r = Benchmark.run(opts, services, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(r.generation().entities()).isEqualTo(NODES);
    assertThat(r.importFigures().entities()).isEqualTo(NODES);
    assertThat(r.importFigures().relationships()).isEqualTo(r.generation().relationships());
    assertThat(r.importFigures().rowsPerSecond())
        .isGreaterThan(r.importFigures().entitiesPerSecond())
        .isGreaterThan(0);
    assertThat(entitiesInGraph()).isEqualTo(NODES);

    assertThat(r.latency().typical().latency().samples()).isEqualTo(10);
    assertThat(r.latency().typical().targets()).isEqualTo(10);
    assertThat(r.latency().mostShared().latency().samples()).isEqualTo(6);
    assertThat(r.latency().mostShared().targets()).isEqualTo(SHARED);
    assertThat(r.latency().trivialQuery().samples()).isEqualTo(16);
    var typical = r.latency().typical().latency();
    assertThat(typical.p50Ms()).isPositive().isLessThanOrEqualTo(typical.p95Ms());
    assertThat(typical.p95Ms()).isLessThanOrEqualTo(typical.p99Ms());
    assertThat(typical.p99Ms()).isLessThanOrEqualTo(typical.maxMs());
    assertThat(r.latency().mostSharedTargets()).hasSize(SHARED);

    assertThat(r.heap().phases())
        .containsOnlyKeys("generate", "import", "latency", "reimport", "edit", "reimport-edited", "concurrent",
            "large-edit");
    assertThat(r.heap().maxHeapBytes()).isPositive();
    assertThat(r.heap().peakUsedBytes()).isPositive().isLessThanOrEqualTo(r.heap().maxHeapBytes());
    assertThat(r.importFigures().cpuMillis()).isPositive();
    assertThat(r.importFigures().loadAtStart()).isNotNull();
    assertThat(r.importFigures().phaseMillis())
        .containsKeys("validate", "resolve", "compare", "write nodes", "write relationships", "search index");
    assertThat(r.targets()).hasSize(9).allSatisfy(c -> assertThat(c.applies()).isFalse());
    assertThat(r.targets().stream().filter(c -> c.name().startsWith("re-imports write") || c.name().startsWith("blast radii during")))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.met()).as(c.measured()).isTrue());
    theWritePathWroteExactlyTheChangeAndReadersSawBeforeOrAfter(r.writePath());
    assertThat(r.machine().cores()).isPositive();
    assertThat(r.machine().pageCacheBytes()).isNull();

    assertThat(BenchReport.readJson(opts.output())).isEqualTo(r);
    assertThat(Files.readString(opts.output())).contains("\"import_figures\"", "\"p99_ms\"");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("typical targets", "most-shared targets", "trivial query", "targets (set for");
    try (var left = Files.list(opts.dataDir())) {
      assertThat(left).as("the run folder is deleted").isEmpty();
    }
    theReachItReportsIsTheReachOfTheModel(opts, r, dir);
  }

  /**
   * With a bulk first load, on a fresh embedded database of the run's own: the load and the same run's
   * trivial load are reported, the target is the bulk load's, and the blast radii answer from the
   * loaded graph as from an imported one.
   */
  @Test
  void aTinyBulkRunReportsTheLoadBesideItsTrivialLoad(@TempDir Path dir) throws Exception {
    BenchOptions opts =
        BenchOptions.defaults()
            .withNodes(NODES)
            .withSamples(10, 6, 1)
            .withDataDir(dir.resolve("data"))
            .withInitialLoad(true)
            .withWritePath(WritePathOptions.off())
            .withOutput(dir.resolve("report.json"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    BenchReport r = Benchmark.run(opts, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(r.parameters().initialLoad()).isTrue();
    assertThat(r.importFigures().entities()).isEqualTo(NODES);
    assertThat(r.importFigures().relationships()).isEqualTo(r.generation().relationships());
    assertThat(r.importFigures().trivialLoadMillis()).isPositive();
    assertThat(r.importFigures().storeBytes()).isPositive();
    assertThat(r.latency().typical().latency().samples()).isEqualTo(10);
    assertThat(r.heap().phases()).containsOnlyKeys("generate", "import", "start", "latency");
    assertThat(r.targets().getFirst().name()).isEqualTo("bulk first load throughput");
    assertThat(r.targets().getFirst().target()).isEqualTo(">= 100,000 entities and relationships per second");
    theReachItReportsIsTheReachOfTheModel(opts, r, dir);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("trivial load: 1 entity into a fresh database in", "bulk first load (import --initial)");
    assertThat(BenchReport.readJson(opts.output())).isEqualTo(r);
  }

  /**
   * The re-imports wrote what the edits say, and the readers' answers were each the one before or the
   * one after; the edit and its way back changed the answers of the targets asked.
   */
  private static void theWritePathWroteExactlyTheChangeAndReadersSawBeforeOrAfter(WritePathReport w) {
    assertThat(w.unchanged().written())
        .isEqualTo(new WritePathReport.Written(NODES, 0, 0, 0, 0));
    assertThat(w.unchanged().exact()).isTrue();
    assertThat(w.edit().written()).isGreaterThan(w.edit().added());
    assertThat(w.edited().expectedWrittenEntities()).isEqualTo(w.edit().written());
    assertThat(w.edited().written().writtenEntities()).isEqualTo(w.edit().written());
    assertThat(w.edited().written().removedNodes()).isEqualTo(w.edit().removed());
    assertThat(w.edited().written().unchanged()).isEqualTo(NODES - w.edit().written());
    for (WritePathReport.ConcurrentPhase c : java.util.List.of(w.revert(), w.large())) {
      assertThat(c.imported().exact()).as(c.what()).isTrue();
      assertThat(c.targetsThatChange()).as(c.what()).isPositive();
      assertThat(c.answers()).as(c.what()).isPositive().isEqualTo(c.asBefore() + c.asAfter());
      assertThat(c.mismatches() + c.failed()).as(c.what() + ": " + c.problemExamples()).isZero();
    }
    assertThat(w.revert().imported().written().removedNodes()).isEqualTo(w.edit().added());
    assertThat(w.unchanged().trivialImportMillis()).isPositive();
    assertThat(w.unchanged().cpuMillis()).isPositive();
    assertThat(w.unchanged().cpuRatio()).isPositive();
  }

  /** The same spec generates the same organisation: its reach, computed in memory, must match. */
  private static void theReachItReportsIsTheReachOfTheModel(BenchOptions opts, BenchReport r, Path dir) {
    GeneratedOrg same = SyntheticOrg.write(opts.orgSpec(), dir.resolve("same.json"));
    ReferenceReach reference = new ReferenceReach(ScannedBundle.read(same.bundle()));
    assertThat(r.latency().mostSharedTargets()).hasSize(SHARED);
    for (TargetImpact t : r.latency().mostSharedTargets()) {
      assertThat(t.total()).as(t.id()).isEqualTo(reference.workloads(t.id()).size());
      assertThat(t.consumers()).isGreaterThanOrEqualTo(t.direct());
    }
  }

  private static long entitiesInGraph() {
    return (Long)
        TestGraph.database()
            .executeTransactionally(
                "MATCH (n:Entity) RETURN count(n) AS n", Map.of(), res -> res.next().get("n"));
  }
}
