package io.blastgate.bench;

import io.blastgate.bench.BenchReport.Group;
import io.blastgate.bench.BenchReport.PhaseHeap;
import io.blastgate.bench.BenchReport.TargetCheck;
import io.blastgate.bench.BenchReport.TargetImpact;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link BenchReport} for people: the same figures as the JSON, in tables. */
final class Report {
  private Report() {}

  static void print(BenchReport r, PrintStream out) {
    var m = r.machine();
    var p = r.parameters();
    var g = r.generation();
    var i = r.importFigures();
    out.println();
    out.printf(Locale.ROOT, "blastgate benchmark: %,d nodes, seed %d (%s)%n", p.nodes(), p.seed(), r.startedAt());
    out.printf(
        Locale.ROOT,
        "machine: %d cores (%s), %s, %s, %s RAM; heap %s (%s); page cache %s%n",
        m.cores(), m.cpu(), m.os(), m.java(), bytes(m.physicalMemoryBytes()), m.maxHeapFlag(),
        bytes(m.maxHeapBytes()), m.pageCacheBytes() == null ? "not ours" : bytes(m.pageCacheBytes()));
    out.printf(
        Locale.ROOT,
        "generate: %,d entities, %,d relationships, %s in %.1f s (not counted in the import)%n",
        g.entities(), g.relationships(), bytes(g.bytes()), g.millis() / 1000.0);
    out.printf(
        Locale.ROOT,
        "import:   %,d rows in %.1f s: %,.0f rows/s (%,.0f entities/s, %,.0f relationships/s)%s%n",
        i.entities() + i.relationships(), i.millis() / 1000.0, i.rowsPerSecond(),
        i.entitiesPerSecond(), i.relationshipsPerSecond(),
        i.storeBytes() == null
            ? ""
            : "; store " + bytes(i.storeBytes()) + " + transaction logs " + bytes(i.transactionLogBytes()));
    if (p.initialLoad()) {
      out.printf(
          Locale.ROOT, "         bulk first load (import --initial), from the call to the report; trivial load"
              + " (1 entity, same run) %.1f s%n", i.trivialLoadMillis() / 1000.0);
    } else {
      out.printf(
          "         batches of %,d rows, %s, %d written at once%n",
          p.batchSize(),
          p.commitEvery() == 0 ? "the program's default parts" : String.format("parts of %,d rows", p.commitEvery()),
          p.writers());
    }
    if (i.phaseMillis() != null) {
      out.println("         phases: " + phases(i.phaseMillis()));
    }
    if (i.cpuMillis() != null) {
      out.printf(Locale.ROOT, "         CPU time of the process meanwhile %.1f s; load average %.1f at the start, %.1f at"
          + " the end%n", i.cpuMillis() / 1000.0, i.loadAtStart(), i.loadAtEnd());
    }
    out.println();
    out.printf(
        "%-22s %8s %8s %8s %8s %8s %8s  %9s %7s %7s %7s%n",
        "latency (ms)", "samples", "p50", "p95", "p99", "max", "mean", "reach p50", "p95", "p99", "max");
    row(out, "typical targets", r.latency().typical());
    row(out, "most-shared targets", r.latency().mostShared());
    row(out, "reaching >= 1000", r.latency().reachingAThousand());
    for (BenchReport.ReachBand b : r.latency().byReach()) {
      String name =
          b.to() == null
              ? String.format(Locale.ROOT, "  reach >= %,d", b.from())
              : String.format(Locale.ROOT, "  reach %,d-%,d", b.from(), b.to() - 1);
      row(out, name, b.samples());
    }
    var t = r.latency().trivialQuery();
    if (r.latency().msPerThousandWorkloads() > 0) {
      out.printf(
          Locale.ROOT, "%-22s %.1f ms per 1,000 workloads reached (median over the samples above)%n",
          "large answers cost", r.latency().msPerThousandWorkloads());
    }
    out.printf(
        Locale.ROOT, "%-22s %8d %8.2f %8.2f %8.2f %8.2f %8.2f%n",
        "trivial query", t.samples(), t.p50Ms(), t.p95Ms(), t.p99Ms(), t.maxMs(), t.meanMs());
    out.println();
    out.printf("%-22s %9s %8s %8s %8s %8s %8s%n", "most-shared target", "consumers", "direct", "reach", "deepest", "samples", "p50 ms");
    for (TargetImpact x : r.latency().mostSharedTargets()) {
      out.printf(
          Locale.ROOT, "%-22s %,9d %,8d %,8d %8s %8d %8.1f%n",
          x.id(), x.consumers(), x.direct(), x.total(), x.deepestHops(), x.samples(), x.p50Ms());
    }
    out.println();
    out.printf(
        "%-10s %12s %12s %12s %6s %8s %6s%n",
        "heap", "peak used", "pools' peaks", "after GC", "GCs", "GC ms", "load");
    for (Map.Entry<String, PhaseHeap> e : r.heap().phases().entrySet()) {
      PhaseHeap h = e.getValue();
      out.printf(
          Locale.ROOT, "%-10s %12s %12s %12s %6d %8d %6.1f%n",
          e.getKey(), bytes(h.peakUsedBytes()), bytes(h.peakPoolsBytes()), bytes(h.peakAfterGcBytes()),
          h.gcCount(), h.gcMillis(), h.loadAverage());
    }
    if (r.writePath() != null) {
      writePath(r.writePath(), out);
    }
    out.println();
    out.printf(Locale.ROOT, "targets (set for %,d nodes on 2 cores):%n", Targets.AT_NODES);
    for (TargetCheck c : r.targets()) {
      String verdict = !c.applies() ? "n/a " : c.met() ? "MET " : "MISS";
      out.printf("  [%s] %s: %s; measured %s%n", verdict, c.name(), c.target(), c.measured());
    }
  }

  private static void writePath(WritePathReport w, PrintStream out) {
    out.println();
    out.printf("%-44s %8s %7s %8s %7s %11s %8s %6s %10s %10s %10s %9s %9s %6s%n", "write path", "seconds", "ratio",
        "CPU s", "ratio", "load", "trivial", "parts", "written", "expected", "rels", "removed", "expected", "exact");
    List<WritePathReport.Reimport> imports = new ArrayList<>(List.of(w.unchanged(), w.edited(), w.revert().imported()));
    if (w.large() != null) {
      imports.add(w.large().imported());
    }
    for (WritePathReport.Reimport x : imports) {
      out.printf(Locale.ROOT, "%-44s %8.1f %6.2f× %8.1f %6.2f× %5.1f->%5.1f %5d ms %6s %,10d %,10d %,10d %,9d %,9d %6s%n",
          x.what(), x.millis() / 1000.0, x.ratio(), x.cpuMillis() / 1000.0, x.cpuRatio(), x.loadAtStart(),
          x.loadAtEnd(), x.trivialImportMillis(), x.inParts() ? "yes" : "no",
          x.written().writtenEntities(), x.expectedWrittenEntities(), x.written().writtenRelationships(),
          x.written().removedNodes(), x.expectedRemovedNodes(), x.exact() ? "yes" : "NO");
    }
    for (WritePathReport.Reimport x : imports) {
      out.printf("  %s: %s%n", x.what(), phases(x.phaseMillis()));
    }
    for (WritePathReport.Edit e : w.largeEdit() == null ? List.of(w.edit()) : List.of(w.edit(), w.largeEdit())) {
      out.printf(Locale.ROOT, "  edit of %s (seed %d): %,d added, %,d removed, %,d renamed, %,d lost a reference;"
              + " %,d to write; %.1f s%n", WritePathRun.percent(e.share()), e.seed(), e.added(), e.removed(), e.renamed(),
          e.stripped(), e.written(), e.millis() / 1000.0);
    }
    out.println();
    out.printf("%-44s %7s %8s %8s %8s %7s %7s %6s %8s %8s %8s %8s %10s%n", "readers during an import", "targets",
        "answers", "before", "after", "wrong", "unavail", "failed", "p50 ms", "p99 ms", "max ms", "in write",
        "max ms");
    for (WritePathReport.ConcurrentPhase c : w.large() == null ? List.of(w.revert()) : List.of(w.revert(), w.large())) {
      out.printf(Locale.ROOT, "%-44s %3d/%-3d %,8d %,8d %,8d %7d %7d %6d %8.1f %8.1f %8.1f %8d %10.1f%n",
          c.what(), c.targetsThatChange(), c.targets(), c.answers(), c.asBefore(), c.asAfter(), c.mismatches(),
          c.unavailable(), c.failed(), c.latency().p50Ms(), c.latency().p99Ms(), c.latency().maxMs(),
          c.duringWrite(), c.latencyDuringWrite().maxMs());
      c.problemExamples().forEach(x -> out.println("  " + x));
    }
  }

  /** "validate 5.8 s, resolve 5.3 s, …" */
  private static String phases(Map<String, Long> millis) {
    List<String> parts = new ArrayList<>();
    millis.forEach((name, ms) -> parts.add(String.format(Locale.ROOT, "%s %.1f s", name, ms / 1000.0)));
    return String.join(", ", parts);
  }

  private static void row(PrintStream out, String name, Group g) {
    var l = g.latency();
    out.printf(
        Locale.ROOT, "%-22s %8d %8.2f %8.2f %8.2f %8.2f %8.2f  %,9d %,7d %,7d %,7d%n",
        name, l.samples(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs(), l.meanMs(),
        g.reach().p50(), g.reach().p95(), g.reach().p99(), g.reach().max());
  }

  static String bytes(long n) {
    if (n < 1L << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    } else if (n < 1L << 30) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
  }
}
