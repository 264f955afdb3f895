package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.config.AppConfig;
import io.blastgate.importer.ImportMessage;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.wire.ImportReportJson;
import io.blastgate.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a bundle: a JSON file, a folder of CSV files, or a .zip of either (importers/bundle/).",
      "The input is checked whole first: any problem writes nothing, and every problem is listed",
      "with where it is. Importing a source again replaces what it asserted before."
    })
final class ImportCommand implements Callable<Integer> {
  /** Inputs from this size on get a progress bar. */
  private static final long LARGE = 1L << 20;

  @Parameters(paramLabel = "PATH", description = "bundle.json, a CSV folder, or a .zip")
  Path path;

  @Option(names = "--source", description = "the source's name (a JSON bundle's own must agree; a CSV folder defaults to its name)")
  String source;

  @Option(names = "--json", description = "print the import report as JSON")
  boolean json;

  @Option(names = "--commit-every", description = "commit every N rows instead of one transaction (very large loads: not atomic; still checked whole first)")
  int commitEvery;

  @Option(names = "--writers", defaultValue = "2", description = "when the import commits in parts (--commit-every, or too large for one transaction): parts written at once (default ${DEFAULT-VALUE})")
  int writers;

  @Option(names = "--batch-size", defaultValue = "5000", description = "rows per write statement (default ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--no-progress", description = "no progress bar")
  boolean noProgress;

  @Mixin DataDirOption data;

  @Override
  public Integer call() throws Exception {
    AppConfig config = Environment.config(data.dataDir);
    ImportSettings settings =
        ImportSettings.defaults().withBatchSize(batchSize).withCommitEvery(commitEvery).withWriters(writers);
    ImportReport report;
    try (Blastgate program = Blastgate.open(config);
        ProgressBars bars = new ProgressBars()) {
      ImportProgress progress = !noProgress && size(path) >= LARGE ? bars : ImportProgress.none();
      report =
          program.services().withImportSettings(settings).importer()
              .importPath(path, Optional.ofNullable(source), progress);
    }
    if (json) {
      System.out.println(
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(ImportReportJson.of(report)));
    } else {
      print(report);
    }
    return report.succeeded() ? 0 : Main.INVALID_INPUT;
  }

  private static void print(ImportReport r) {
    var c = r.counts();
    if (r.succeeded()) {
      System.out.printf(
          "Imported %s as source %s in %d ms (run %s)%n"
              + "  %d identities, %d credentials, %d workloads, %d owners, %d relationships%n"
              + "  removed what the source no longer asserts: %d nodes, %d relationships%n",
          r.format(),
          r.source(),
          r.durationMs(),
          r.runId(),
          c.identities(),
          c.credentials(),
          c.workloads(),
          c.owners(),
          c.relationships(),
          c.removedNodes(),
          c.removedRelationships());
    } else {
      System.out.printf(
          "Nothing was imported: %d error%s%s%n",
          r.errorCount(),
          r.errorCount() == 1 ? "" : "s",
          r.errorCount() > r.errors().size() ? " (the first " + r.errors().size() + " listed)" : "");
      for (ImportMessage m : r.errors()) {
        System.out.printf("  %s: %s%n", m.location(), m.message());
      }
    }
    for (ImportMessage m : r.warnings()) {
      System.out.printf("  warning %s: %s%n", m.location(), m.message());
    }
  }

  private static long size(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Files.isRegularFile(path) ? Files.size(path) : 0;
    }
    try (Stream<Path> files = Files.walk(path, 1)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
