package io.blastgate.bench;

import io.blastgate.app.Blastgate;
import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.BenchReport.StoreSize;
import io.blastgate.config.AppConfig;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bulk first load of the synthetic bundle, exactly as {@code import --initial} runs it (check the
 * database, validate, resolve, build the store with Neo4j's offline importer, open the database once
 * so that the migrations build the schema), timed from the call to the report, in a process that has
 * not run Neo4j yet, as a user's {@code import --initial} runs. Beside it, the same run's trivial
 * operation: the whole load of a one-entity bundle into a fresh database of its own, timed the same
 * way, right after (warm). What it costs is the fixed part of every load on this machine at this time
 * (starting the importer, then the database and its schema); what the real load costs beyond it
 * grows with the input.
 */
final class InitialStep {
  private static final String TRIVIAL_BUNDLE = """
      {"format": "blastgate.bundle/v1", "source": "trivial", "identities": [{"id": "id:trivial", "kind": "human"}]}
      """;

  private InitialStep() {}

  static ImportFigures run(
      BenchOptions opts, AppConfig config, Path bundle, Path runDir, PrintStream out, Supplier<StoreSize> store) {
    out.printf(Locale.ROOT, "import: %s, bulk first load (import --initial)%n", bundle.getFileName());
    ImportPhases phases = new ImportPhases(out, null);
    ImportStep.Timed timed =
        ImportStep.measure(() -> Blastgate.loadInitially(config, bundle, Optional.empty(), phases), bundle, phases);
    return ImportStep.figures(timed, store, trivialLoad(opts, runDir, out));
  }

  /** The whole load of a one-entity bundle into a fresh database under the run's folder, in milliseconds. */
  private static long trivialLoad(BenchOptions opts, Path runDir, PrintStream out) {
    Path bundle = runDir.resolve("trivial.json");
    try {
      Files.writeString(bundle, TRIVIAL_BUNDLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppConfig trivial = Benchmark.config(opts, runDir.resolve("trivial"), 256L << 20);
    long started = System.nanoTime();
    ImportReport report = Blastgate.loadInitially(trivial, bundle, Optional.empty(), ImportProgress.none());
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (!report.succeeded()) {
      throw new IllegalStateException("the trivial bundle did not load: " + report.errors());
    }
    out.printf(Locale.ROOT, "trivial load: 1 entity into a fresh database in %.1f s%n", millis / 1000.0);
    return millis;
  }
}
