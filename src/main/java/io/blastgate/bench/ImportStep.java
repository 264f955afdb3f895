package io.blastgate.bench;

import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.BenchReport.StoreSize;
import io.blastgate.importer.ImportMessage;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.services.Services;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Imports a bundle through the program's own importer, exactly as a user's import runs (validate,
 * resolve, compare, write, publish), and times it from the call to the report and phase by phase.
 */
final class ImportStep {
  private ImportStep() {}

  /**
   * One import and how long it took, from the call to the report; the report succeeded. Besides the
   * wall time, the CPU time this process spent meanwhile (the importer, the embedded Neo4j, the garbage
   * collector and whatever else runs in the process) and the machine's one-minute load average at the
   * start and at the end: on a machine shared with other work, the wall time of two imports compares
   * only under the same load, while their CPU time hardly depends on it.
   */
  record Timed(ImportReport report, long nanos, long cpuNanos, double loadAtStart, double loadAtEnd,
      ImportPhases phases) {
    long millis() {
      return nanos / 1_000_000;
    }

    long cpuMillis() {
      return cpuNanos / 1_000_000;
    }
  }

  /** The benchmark's import settings: its batch size, part size and writers. */
  static ImportSettings settings(BenchOptions opts) {
    return ImportSettings.defaults()
        .withBatchSize(opts.batchSize())
        .withCommitEvery(opts.commitEvery())
        .withWriters(opts.writers());
  }

  static ImportFigures run(
      Services services, Path bundle, BenchOptions opts, PrintStream out, Supplier<StoreSize> store) {
    out.printf(
        Locale.ROOT, "import: %s, batches of %,d, %s%n", bundle.getFileName(), opts.batchSize(),
        opts.commitEvery() == 0
            ? "one transaction up to " + String.format(Locale.ROOT, "%,d", ImportSettings.ATOMIC_ROW_LIMIT)
                + " rows, else parts of " + String.format(Locale.ROOT, "%,d", ImportSettings.PART_ROWS)
                + ", " + opts.writers() + " written at once"
            : String.format(Locale.ROOT, "parts of %,d rows, %d written at once", opts.commitEvery(), opts.writers()));
    return figures(timed(services, opts, bundle, new ImportPhases(out, services.importer().journalDir())), store, null);
  }

  /**
   * The figures of a timed import. For a bulk first load, {@code trivialLoadMillis} is the same run's
   * trivial load; null for a transactional import.
   */
  static ImportFigures figures(Timed timed, Supplier<StoreSize> store, Long trivialLoadMillis) {
    ImportReport report = timed.report();
    long entities = report.counts().entities();
    long relationships = report.counts().relationships();
    double seconds = timed.nanos() / 1e9;
    StoreSize size = store.get();
    return new ImportFigures(
        timed.millis(),
        entities,
        relationships,
        entities / seconds,
        relationships / seconds,
        (entities + relationships) / seconds,
        size == null ? null : size.storeBytes(),
        size == null ? null : size.transactionLogBytes(),
        report.runId(),
        timed.phases().millis(),
        timed.cpuMillis(),
        timed.loadAtStart(),
        timed.loadAtEnd(),
        trivialLoadMillis);
  }

  /** Imports {@code bundle} with the benchmark's settings, reporting progress to {@code phases}. */
  static Timed timed(Services services, BenchOptions opts, Path bundle, ImportPhases phases) {
    return measure(
        () -> services.withImportSettings(settings(opts)).importer().importPath(bundle, Optional.empty(), phases),
        bundle, phases);
  }

  /** Runs {@code importing}, which reports its progress to {@code phases}, and times it; a failed import ends the run. */
  static Timed measure(Supplier<ImportReport> importing, Path bundle, ImportPhases phases) {
    double loadAtStart = load();
    long cpu = cpuNanos();
    long started = System.nanoTime();
    ImportReport report = importing.get();
    long nanos = System.nanoTime() - started;
    long cpuNanos = cpuNanos() - cpu;
    phases.finish();
    if (!report.succeeded()) {
      throw new IllegalStateException(
          "the bundle " + bundle.getFileName() + " did not import ("
              + report.errorCount()
              + " errors), first: "
              + report.errors().stream()
                  .limit(5)
                  .map(ImportMessage::toString)
                  .collect(Collectors.joining("; ")));
    }
    return new Timed(report, nanos, cpuNanos, loadAtStart, load(), phases);
  }

  /** The CPU time of this process so far, or 0 where the platform does not tell. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }

  private static double load() {
    return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
  }
}
