package io.blastgate.bench;

import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.BenchReport.StoreSize;
import io.blastgate.importer.ImportMessage;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.services.Services;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Imports the synthetic bundle through the program's own importer, exactly as a user's import runs
 * (validation pass, write pass, sync), and times it from the call to the report.
 */
final class ImportStep {
  private ImportStep() {}

  static ImportFigures run(
      Services services, Path bundle, BenchOptions opts, PrintStream out, Supplier<StoreSize> store) {
    ImportSettings settings =
        ImportSettings.defaults().withBatchSize(opts.batchSize()).withCommitEvery(opts.commitEvery()).withWriters(opts.writers());
    out.printf(
        Locale.ROOT, "import: %s, batches of %,d, %s%n", bundle.getFileName(), opts.batchSize(),
        opts.commitEvery() == 0
            ? "one transaction"
            : String.format(Locale.ROOT, "a commit every %,d rows, %d written at once", opts.commitEvery(), opts.writers()));
    long started = System.nanoTime();
    ImportReport report =
        services.withImportSettings(settings).importer().importPath(bundle, Optional.empty(), new Printed(out));
    return figures(report, System.nanoTime() - started, store, null);
  }

  /** The figures of an import that took {@code nanos}; a failed import ends the run. */
  static ImportFigures figures(ImportReport report, long nanos, Supplier<StoreSize> store, Long trivialLoadMillis) {
    if (!report.succeeded()) {
      throw new IllegalStateException(
          "the synthetic bundle did not import ("
              + report.errorCount()
              + " errors), first: "
              + report.errors().stream()
                  .limit(5)
                  .map(ImportMessage::toString)
                  .collect(Collectors.joining("; ")));
    }
    long entities = report.counts().entities();
    long relationships = report.counts().relationships();
    double seconds = nanos / 1e9;
    StoreSize size = store.get();
    return new ImportFigures(
        nanos / 1_000_000,
        entities,
        relationships,
        entities / seconds,
        relationships / seconds,
        (entities + relationships) / seconds,
        size == null ? null : size.storeBytes(),
        size == null ? null : size.transactionLogBytes(),
        report.runId(),
        trivialLoadMillis);
  }

  /** Prints each phase and, at most every ten seconds, how far it got. */
  static final class Printed implements ImportProgress {
    private static final long EVERY_NANOS = 10_000_000_000L;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private String phase = "";
    private long total;
    private long done;
    private long lastPrinted;

    Printed(PrintStream out) {
      this.out = out;
    }

    @Override
    public void phase(String name, long total) {
      this.phase = name;
      this.total = total;
      this.done = 0;
      this.lastPrinted = System.nanoTime();
      out.printf(Locale.ROOT, "  %6.1f s  %s%s%n", seconds(), name, total < 0 ? "" : String.format(Locale.ROOT, " (%,d)", total));
    }

    @Override
    public void advance(long n) {
      done += n;
      long now = System.nanoTime();
      if (now - lastPrinted >= EVERY_NANOS) {
        lastPrinted = now;
        out.printf(
            Locale.ROOT, "  %6.1f s  %s: %,d%s%n", seconds(), phase, done,
            total > 0 ? String.format(Locale.ROOT, " of %,d (%d%%)", total, done * 100 / total) : "");
      }
    }

    private double seconds() {
      return (System.nanoTime() - began) / 1e9;
    }
  }
}
