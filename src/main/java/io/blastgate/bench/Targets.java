package io.blastgate.bench;

import io.blastgate.bench.BenchReport.Heap;
import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.BenchReport.Latency;
import io.blastgate.bench.BenchReport.TargetCheck;
import java.util.List;
import java.util.Locale;

/** The targets, set for a million nodes on a 2-core machine, against what a run measured. */
final class Targets {
  static final int AT_NODES = 1_000_000;
  static final double IMPORT_ROWS_PER_SECOND = 50_000;
  static final double TYPICAL_P99_MS = 20;
  static final double LARGE_P99_MS = 200;
  static final long HEAP_BYTES = 2L << 30;

  private Targets() {}

  static List<TargetCheck> check(int nodes, ImportFigures imp, Latency lat, Heap heap) {
    boolean applies = nodes >= AT_NODES;
    int minSharedReach =
        lat.mostSharedTargets().stream().mapToInt(BenchReport.TargetImpact::total).min().orElse(0);
    return List.of(
        new TargetCheck(
            "import throughput",
            ">= 50,000 entities and relationships per second",
            String.format(
                Locale.ROOT,
                "%,.0f rows/s (%,.0f entities/s, %,.0f relationships/s)",
                imp.rowsPerSecond(),
                imp.entitiesPerSecond(),
                imp.relationshipsPerSecond()),
            imp.rowsPerSecond() >= IMPORT_ROWS_PER_SECOND,
            applies),
        new TargetCheck(
            "blast radius, typical targets",
            "p99 < 20 ms",
            String.format(Locale.ROOT, "p99 %.1f ms", lat.typical().latency().p99Ms()),
            lat.typical().latency().p99Ms() < TYPICAL_P99_MS,
            applies),
        new TargetCheck(
            "blast radius, targets reaching >= 1000 workloads",
            "p99 < 200 ms",
            lat.reachingAThousand().latency().samples() == 0
                ? "no sample reached 1000 workloads"
                : String.format(
                    Locale.ROOT,
                    "p99 %.1f ms over %d samples (reach %,d..%,d)",
                    lat.reachingAThousand().latency().p99Ms(),
                    lat.reachingAThousand().latency().samples(),
                    lat.reachingAThousand().reach().min(),
                    lat.reachingAThousand().reach().max()),
            lat.reachingAThousand().latency().samples() > 0
                && lat.reachingAThousand().latency().p99Ms() < LARGE_P99_MS,
            applies),
        new TargetCheck(
            "most-shared targets are large",
            "each reaches >= 1000 workloads",
            String.format(Locale.ROOT, "smallest reaches %,d", minSharedReach),
            minSharedReach >= LatencyRun.LARGE_REACH,
            applies),
        new TargetCheck(
            "heap",
            "< 2 GiB",
            String.format(
                Locale.ROOT,
                "ran in -Xmx %s; peak used %s, peak left after a GC %s",
                Report.bytes(heap.maxHeapBytes()),
                Report.bytes(heap.peakUsedBytes()),
                Report.bytes(heap.peakAfterGcBytes())),
            heap.maxHeapBytes() <= HEAP_BYTES,
            applies));
  }
}
