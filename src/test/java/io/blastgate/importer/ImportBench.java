package io.blastgate.importer;

import io.blastgate.testing.TestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Not a test: imports a generated bundle of about {@code args[0]} entities into the test harness and
 * prints the report, phase times and peak heap, e.g. to check that a million entities fit a 2 GiB
 * heap. Run with the test classpath: {@code java -Xmx2g … io.blastgate.importer.ImportBench 1000000 [commitEvery]}.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int entities = Integer.parseInt(args[0]);
    int commitEvery = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path file = Files.createTempFile("bench-", ".json");
    try {
      int teams = Math.max(1, entities / 100);
      int identities = entities / 5;
      int credentials = entities / 4;
      BundleGenerator.write(file, teams, identities, credentials, entities - teams - identities - credentials);
      System.out.printf("bundle: %d MiB%n", Files.size(file) >> 20);
      var importer = new Importer(TestGraph.connection().graph(), ImportSettings.defaults().withCommitEvery(commitEvery));
      long[] started = {System.nanoTime()};
      ImportProgress progress = new ImportProgress() {
        @Override
        public void phase(String name, long total) {
          System.out.printf("%8.1f s  %s (%d)  heap used %d MiB%n", (System.nanoTime() - started[0]) / 1e9, name, total, usedMiB());
        }

        @Override
        public void advance(long n) {}
      };
      ImportReport report = importer.importPath(file, Optional.empty(), progress);
      System.out.printf("%8.1f s  done: %s %s, %d errors, heap used %d MiB%n", (System.nanoTime() - started[0]) / 1e9,
          report.status(), report.counts(), report.errorCount(), usedMiB());
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
    } finally {
      Files.deleteIfExists(file);
      // The harness's threads are not daemons: end the JVM here.
      System.exit(0);
    }
  }

  private static long usedMiB() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }
}
