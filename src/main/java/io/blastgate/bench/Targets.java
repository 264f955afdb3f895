package io.blastgate.bench;

import io.blastgate.bench.BenchReport.Heap;
import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.BenchReport.Latency;
import io.blastgate.bench.BenchReport.TargetCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The targets, set for a million nodes on a 2-core machine, against what a run measured. */
final class Targets {
  static final int AT_NODES = 1_000_000;
  static final double IMPORT_ROWS_PER_SECOND = 50_000;
  /** Issue 8: a bulk first load of an empty database, whole (validation to schema), at a million nodes. */
  static final double INITIAL_LOAD_ROWS_PER_SECOND = 100_000;
  static final double TYPICAL_P99_MS = 20;
  static final double LARGE_P99_MS = 200;
  static final long HEAP_BYTES = 2L << 30;
  static final double UNCHANGED_RATIO = 5;
  static final double EDITED_RATIO = 4;

  private Targets() {}

  static List<TargetCheck> check(
      int nodes, boolean initialLoad, ImportFigures imp, Latency lat, Heap heap, WritePathReport w) {
    boolean applies = nodes >= AT_NODES;
    List<TargetCheck> out = new ArrayList<>(readPath(applies, initialLoad, imp, lat, heap));
    if (w != null) {
      // A re-import's ratio is to a first import through transactions, not to a bulk load.
      out.addAll(writePath(applies, applies && !initialLoad, w));
    }
    return List.copyOf(out);
  }

  /** Issue 8's targets: re-imports faster than the first import, writing exactly the change; readers see before or after. */
  private static List<TargetCheck> writePath(boolean applies, boolean ratiosApply, WritePathReport w) {
    List<WritePathReport.ConcurrentPhase> phases = new ArrayList<>(List.of(w.revert()));
    if (w.large() != null) {
      phases.add(w.large());
    }
    List<WritePathReport.Reimport> imports = new ArrayList<>(List.of(w.unchanged(), w.edited()));
    phases.forEach(p -> imports.add(p.imported()));
    long answers = phases.stream().mapToLong(WritePathReport.ConcurrentPhase::answers).sum();
    long mismatches = phases.stream().mapToLong(WritePathReport.ConcurrentPhase::mismatches).sum();
    long failed = phases.stream().mapToLong(WritePathReport.ConcurrentPhase::failed).sum();
    long unavailable = phases.stream().mapToLong(WritePathReport.ConcurrentPhase::unavailable).sum();
    return List.of(
        ratio("re-import, unchanged source", UNCHANGED_RATIO, w.unchanged(), ratiosApply),
        ratio("re-import, " + w.edited().what().replace(" edited re-import", "") + " of entities edited",
            EDITED_RATIO, w.edited(), ratiosApply),
        new TargetCheck(
            "re-imports write exactly the change",
            "written entities and removed nodes as the edit says (unchanged: no entity or relationship)",
            imports.stream().map(Targets::written).collect(Collectors.joining("; ")),
            imports.stream().allMatch(WritePathReport.Reimport::exact)
                && w.unchanged().written().writtenRelationships() == 0,
            applies),
        new TargetCheck(
            "blast radii during an import",
            "every answer is the one before or the one after",
            String.format(Locale.ROOT, "%,d answers in %d concurrent phases, %,d mismatches, %,d failed, %,d"
                + " refused as unavailable", answers, phases.size(), mismatches, failed, unavailable),
            answers > 0 && mismatches == 0 && failed == 0,
            applies));
  }

  private static String written(WritePathReport.Reimport r) {
    return String.format(Locale.ROOT, "%s: %,d written (expected %,d), %,d removed (expected %,d)", r.what(),
        r.written().writtenEntities(), r.expectedWrittenEntities(), r.written().removedNodes(),
        r.expectedRemovedNodes());
  }

  private static TargetCheck ratio(String name, double times, WritePathReport.Reimport r, boolean applies) {
    return new TargetCheck(
        name,
        String.format(Locale.ROOT, "at least %.0f× faster than the first import", times),
        String.format(Locale.ROOT, "%.2f× (%.1f s, load %.1f to %.1f; CPU time %.2f× less; trivial import %d ms)",
            r.ratio(), r.millis() / 1000.0, r.loadAtStart(), r.loadAtEnd(), r.cpuRatio(), r.trivialImportMillis()),
        r.ratio() >= times,
        applies);
  }

  private static List<TargetCheck> readPath(
      boolean applies, boolean initialLoad, ImportFigures imp, Latency lat, Heap heap) {
    double importTarget = initialLoad ? INITIAL_LOAD_ROWS_PER_SECOND : IMPORT_ROWS_PER_SECOND;
    int minSharedReach =
        lat.mostSharedTargets().stream().mapToInt(BenchReport.TargetImpact::total).min().orElse(0);
    return List.of(
        new TargetCheck(
            initialLoad ? "bulk first load throughput" : "import throughput",
            String.format(Locale.ROOT, ">= %,.0f entities and relationships per second", importTarget),
            String.format(
                Locale.ROOT,
                "%,.0f rows/s (%,.0f entities/s, %,.0f relationships/s)",
                imp.rowsPerSecond(),
                imp.entitiesPerSecond(),
                imp.relationshipsPerSecond()),
            imp.rowsPerSecond() >= importTarget,
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
