package io.blastgate.bench;

import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.ConcurrentReads.Answer;
import io.blastgate.bench.WritePathReport.ConcurrentPhase;
import io.blastgate.bench.WritePathReport.Edit;
import io.blastgate.bench.WritePathReport.Reimport;
import io.blastgate.bench.WritePathReport.Written;
import io.blastgate.importer.Counts;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.services.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The write-path phases (issue 8), on the graph the first import left: re-import the same bundle (it
 * must write nothing), then a copy with a share of its entities added, changed and removed (it must
 * write exactly those, and the entities that lost a reference), each timed beside the trivial import of
 * the same moment; then import the original back over the edit while readers ask blast radii whose
 * answers differ before and after (each answer must be one of the two), and optionally a larger edit
 * the same way.
 */
final class WritePathRun {
  /** Typical targets asked besides the most-shared ones, when choosing targets whose answers change. */
  private static final int TYPICAL_CANDIDATES = 20;
  private static final int TRIVIAL_IMPORTS = 3;
  private static final String TRIVIAL_SOURCE = "bench-trivial";

  private final Services services;
  private final BenchOptions opts;
  private final PrintStream out;
  private final HeapWatch heap;
  private final GeneratedOrg org;
  private final ImportFigures first;
  private final Path runDir;

  WritePathRun(Services services, BenchOptions opts, PrintStream out, HeapWatch heap, GeneratedOrg org,
      ImportFigures first, Path runDir) {
    this.services = services;
    this.opts = opts;
    this.out = out;
    this.heap = heap;
    this.org = org;
    this.first = first;
    this.runDir = runDir;
  }

  WritePathReport measure() throws Exception {
    WritePathOptions w = opts.writePath();
    heap.phase("reimport");
    Reimport unchanged = reimport("unchanged re-import", org.bundle(), 0, 0);
    List<String> candidates = candidates();
    Map<String, Answer> original = ConcurrentReads.answers(services.blastRadius(), candidates);

    heap.phase("edit");
    TimedEdit edit = edit("org-edited.json", w.editShare(), opts.seed());
    heap.phase("reimport-edited");
    Reimport edited = reimport(percent(w.editShare()) + " edited re-import", edit.value().bundle(),
        edit.value().written().size(), edit.value().removed().size());
    Map<String, Answer> afterEdit = ConcurrentReads.answers(services.blastRadius(), candidates);

    heap.phase("concurrent");
    List<String> targets = candidates.stream().filter(t -> !original.get(t).equals(afterEdit.get(t))).toList();
    ConcurrentPhase revert = concurrently("original imported back over the " + percent(w.editShare()) + " edit",
        org.bundle(), targets, afterEdit, edit.value().writtenBack().size(), edit.value().added().size());

    TimedEdit large = null;
    ConcurrentPhase underLarge = null;
    if (w.largeEditShare() > 0) {
      heap.phase("large-edit");
      large = edit("org-edited-large.json", w.largeEditShare(), opts.seed() + 1);
      underLarge = concurrently(percent(w.largeEditShare()) + " edited re-import", large.value().bundle(), targets,
          ConcurrentReads.answers(services.blastRadius(), targets), large.value().written().size(),
          large.value().removed().size());
    }
    return new WritePathReport(unchanged, edit.figures(w.editShare(), opts.seed()), edited, revert,
        large == null ? null : large.figures(w.largeEditShare(), opts.seed() + 1), underLarge);
  }

  /** The most-shared targets (the edit's added workloads use them) and some typical ones. */
  private List<String> candidates() {
    List<String> typical = org.typicalTargets();
    LinkedHashSet<String> out = new LinkedHashSet<>(org.mostSharedTargets());
    out.addAll(typical.subList(typical.size() - Math.min(TYPICAL_CANDIDATES, typical.size()), typical.size()));
    return List.copyOf(out);
  }

  /** An edit and how long it took to write. */
  private record TimedEdit(EditedBundle value, long millis) {
    Edit figures(double share, long seed) {
      EditedBundle e = value;
      return new Edit(share, seed, e.added().size(), e.removed().size(), e.renamed().size(), e.stripped().size(),
          e.written().size(), millis);
    }
  }

  private TimedEdit edit(String name, double share, long seed) {
    long started = System.nanoTime();
    EditedBundle e = BundleEditor.edit(org.bundle(), runDir.resolve(name), share, seed, org.mostSharedTargets());
    long millis = (System.nanoTime() - started) / 1_000_000;
    out.printf(Locale.ROOT, "edit: %s of the entities: %,d added, %,d removed, %,d renamed, %,d lost a reference;"
            + " %,d to write, in %.1f s%n", percent(share), e.added().size(), e.removed().size(), e.renamed().size(),
        e.stripped().size(), e.written().size(), millis / 1000.0);
    return new TimedEdit(e, millis);
  }

  /** Imports {@code bundle} and checks that it wrote what the edit says, after the trivial import of the moment. */
  private Reimport reimport(String what, Path bundle, long expectedWritten, long expectedRemoved) {
    long trivial = trivialImportMillis();
    out.printf(Locale.ROOT, "%s: %s%n", what, bundle.getFileName());
    ImportStep.Timed timed =
        ImportStep.timed(services, opts, bundle, new ImportPhases(out, services.importer().journalDir()));
    return figures(what, timed, trivial, expectedWritten, expectedRemoved);
  }

  private Reimport figures(String what, ImportStep.Timed timed, long trivial, long expectedWritten,
      long expectedRemoved) {
    Counts c = timed.report().counts();
    Written written = new Written(c.unchanged(), c.writtenEntities(), c.writtenRelationships(), c.removedNodes(),
        c.removedRelationships());
    boolean exact = c.writtenEntities() == expectedWritten && c.removedNodes() == expectedRemoved;
    double ratio = first.millis() / (double) Math.max(1, timed.millis());
    double cpuRatio = first.cpuMillis() == null ? 0 : first.cpuMillis() / (double) Math.max(1, timed.cpuMillis());
    out.printf(Locale.ROOT, "%s: %.1f s, %.1f× faster than the first import (CPU %.1f s, %.1f× less; load %.1f to"
            + " %.1f; trivial import %d ms); wrote %,d entities (expected %,d) and %,d relationships, removed %,d"
            + " nodes (expected %,d): %s%n",
        what, timed.millis() / 1000.0, ratio, timed.cpuMillis() / 1000.0, cpuRatio, timed.loadAtStart(),
        timed.loadAtEnd(), trivial, c.writtenEntities(), expectedWritten, c.writtenRelationships(), c.removedNodes(),
        expectedRemoved, exact ? "exactly the change" : "NOT the change");
    return new Reimport(what, timed.millis(), round(ratio), timed.cpuMillis(), round(cpuRatio), timed.loadAtStart(),
        timed.loadAtEnd(), trivial, timed.phases().inParts(),
        written, expectedWritten, expectedRemoved, exact, timed.phases().millis());
  }

  /**
   * Imports {@code bundle} while readers ask the targets' blast radii, and checks every answer against
   * the one before (given) and the one after (asked once the import returned).
   */
  private ConcurrentPhase concurrently(String what, Path bundle, List<String> targets, Map<String, Answer> before,
      long expectedWritten, long expectedRemoved) throws Exception {
    long trivial = trivialImportMillis();
    int readers = opts.writePath().readers();
    out.printf(Locale.ROOT, "%s, %d readers asking %d blast radii: %s%n", what, readers, targets.size(),
        bundle.getFileName());
    ImportPhases phases = new ImportPhases(out, services.importer().journalDir());
    ConcurrentReads.During<ImportStep.Timed> during = ConcurrentReads.during(services.blastRadius(), targets, readers,
        () -> ImportStep.timed(services, opts, bundle, phases));
    Map<String, Answer> after = ConcurrentReads.answers(services.blastRadius(), targets);
    Reimport imported = figures(what, during.result(), trivial, expectedWritten, expectedRemoved);
    ConcurrentPhase phase = ReadCheck.of(what, readers, imported, during.samples(), before, after, phases);
    out.printf(Locale.ROOT, "%s: %,d answers (%,d as before, %,d as after), %,d mismatches, %,d refused as"
            + " unavailable, %,d failed; latency p50 %.1f ms, p99 %.1f, max %.1f; %,d questions overlapped the write%s"
            + " (max %.1f ms)%n",
        what, phase.answers(), phase.asBefore(), phase.asAfter(), phase.mismatches(), phase.unavailable(),
        phase.failed(), phase.latency().p50Ms(), phase.latency().p99Ms(), phase.latency().maxMs(),
        phase.duringWrite(), imported.inParts() ? ", written in parts: they waited for it" : "",
        phase.latencyDuringWrite().maxMs());
    return phase;
  }

  /** The median of three imports of an empty bundle of another source: an import's fixed cost now. */
  private long trivialImportMillis() {
    Path bundle = runDir.resolve("trivial.json");
    try {
      Files.writeString(bundle, "{\"format\": \"" + OrgWriter.FORMAT + "\", \"source\": \"" + TRIVIAL_SOURCE + "\"}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long[] millis = new long[TRIVIAL_IMPORTS];
    for (int i = 0; i < millis.length; i++) {
      long started = System.nanoTime();
      ImportReport report =
          services.withImportSettings(ImportStep.settings(opts)).importer()
              .importPath(bundle, Optional.empty(), ImportProgress.none());
      millis[i] = (System.nanoTime() - started) / 1_000_000;
      if (!report.succeeded()) {
        throw new IllegalStateException("the trivial import failed: " + report.errors());
      }
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }

  private static double round(double ratio) {
    return Math.round(ratio * 100) / 100.0;
  }

  /** 0.01 as "1 %", 0.005 as "0.5 %". */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%s %%", new java.math.BigDecimal(Double.toString(share * 100))
        .stripTrailingZeros().toPlainString());
  }
}
