package io.blastgate.importer;

import io.blastgate.importer.input.InputChoice;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the real-format readers' benchmarks (`AwsIamBench`, `YamlImportBench`, `CatalogBench`,
 * `CodeownersBench`; test sources, not tests) share: a generated input imported into the test harness's Neo4j twice, a first
 * load and then the same again, each phase printed with the seconds since the run began. The figures
 * are in docs/benchmark.md, "Readers of real formats on generated inputs".
 */
final class ReaderBenchRun {
  private ReaderBenchRun() {}

  /** Imports {@code input} twice as {@code choice} says, printing phases and {@code units} per second. */
  static void importTwice(Path input, String shown, InputChoice choice, int units, String unitName) {
    for (String run : new String[] {"first", "again"}) {
      importOnce(input, shown, choice, run + " import", units, unitName);
    }
  }

  /** One import of {@code input}, its phases printed with {@code what} before them. */
  static void importOnce(Path input, String shown, InputChoice choice, String what, int units, String unitName) {
    Importer importer = new Importer(TestGraph.connection().graph(), ImportSettings.defaults());
    long started = System.nanoTime();
    ImportProgress progress = new ImportProgress() {
      @Override
      public void phase(String name, long total) {
        System.out.printf("%8.2f s  %s: %s%n", (System.nanoTime() - started) / 1e9, what, name);
      }

      @Override
      public void advance(long n) {}
    };
    ImportReport report = importer.importPath(input, shown, Optional.empty(), choice, progress);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%8.2f s  %s done: %s %s, %d errors, %d warnings; %.0f %s per second%n", seconds, what,
        report.status(), report.counts(), report.errorCount(), report.warnings().size(), units / seconds, unitName);
    report.errors().stream().limit(5).forEach(e -> System.out.println("  error " + e));
  }
}
