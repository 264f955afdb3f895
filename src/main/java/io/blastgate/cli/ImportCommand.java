package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.importer.ImportMessage;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.services.Services;
import io.blastgate.wire.ImportReportJson;
import io.blastgate.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a source: a bundle, Kubernetes manifests, a Backstage catalog, an AWS IAM export or a CODEOWNERS file.",
      "A bundle is a JSON file or a folder of CSV files (importers/bundle/); manifests and a catalog are "
          + "YAML files or folders (importers/kubernetes/, importers/backstage/); an AWS IAM export is the AWS CLI's "
          + "JSON, one file or a folder (importers/aws-iam/); a CODEOWNERS file, or a "
          + "repository's folder holding one, names owners of its workloads (importers/codeowners/); any of "
          + "them may come as a .zip. The format is recognised from the content unless --format names it. "
          + "Sends it to a running server when one is named (--server or BLASTGATE_URL, with a token); "
          + "otherwise writes the configured graph itself. "
          + "The input is checked whole first: any problem writes nothing, and every problem is listed "
          + "with where it is. Importing a source again replaces what it asserted before. "
          + "With --initial, the first load of an empty embedded database goes through Neo4j's offline "
          + "importer instead: the same checks and report, many times faster; refused for a database that "
          + "holds data and for a server."
    })
final class ImportCommand implements Callable<Integer> {
  /** Inputs from this size on get a progress bar. */
  private static final long LARGE = 1L << 20;

  @Parameters(paramLabel = "PATH", description = "a file, a folder, or a .zip")
  Path path;

  @Option(names = "--format", description = "the input's format (bundle, kubernetes, backstage, aws-iam, codeowners); default: recognised from the content")
  String format;

  @Option(names = "--cluster", description = "kubernetes: the cluster that qualifies every id (default: the input's name)")
  String cluster;

  @Option(names = "--option", paramLabel = "NAME=VALUE", description = "an option of the format (importers/<format>/README.md), e.g. owner-keys=team,owner")
  java.util.Map<String, String> options = new java.util.TreeMap<>();

  @Option(names = "--source", description = "the source's name (a JSON bundle's own must agree; a CSV folder defaults to its name)")
  String source;

  @Option(names = "--json", description = "print the import report as JSON")
  boolean json;

  @Option(names = "--initial", description = "first load into an empty embedded database, through Neo4j's offline importer (docs/benchmark.md): the same checks and report; refused for a database that holds data and for a server")
  boolean initial;

  @Option(names = "--commit-every", description = "write in parts of about N rows (default: one transaction up to 50,000 rows, parts of 5,000 beyond); all or nothing either way: importers/README.md")
  int commitEvery;

  @Option(names = "--writers", defaultValue = "2", description = "when the import commits in parts (--commit-every, or too large for one transaction): parts written at once (default ${DEFAULT-VALUE})")
  int writers;

  @Option(names = "--batch-size", defaultValue = "5000", description = "rows per write statement (default ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--no-progress", description = "no progress bar")
  boolean noProgress;

  @Mixin DataDirOption data;

  @Mixin ServerOption server;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Optional<Remote> remote = server.remote(data, System.getenv());
    ImportReportJson report;
    long errorCount;
    if (initial) {
      ImportReport loaded = loadInitially(remote.isPresent());
      report = ImportReportJson.of(loaded);
      errorCount = loaded.errorCount();
    } else if (remote.isPresent()) {
      RemoteImport.Outcome outcome = RemoteImport.send(remote.get(), path, Optional.ofNullable(source), choice());
      report = outcome.report();
      errorCount = outcome.errorCount();
    } else {
      ImportReport here = importHere();
      report = ImportReportJson.of(here);
      errorCount = here.errorCount();
    }
    if (json) {
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    } else {
      print(report, errorCount, initial);
    }
    return report.status().equals("succeeded") ? 0 : Main.INVALID_INPUT;
  }

  private ImportReport importHere() throws IOException {
    try (Blastgate program = Blastgate.open(Environment.config(data.dataDir));
        ProgressBars bars = new ProgressBars()) {
      ImportSettings settings = Services.importSettings(program.config())
          .withBatchSize(batchSize).withCommitEvery(commitEvery).withWriters(writers);
      ImportProgress progress = !noProgress && size(path) >= LARGE ? bars : ImportProgress.none();
      return program.services().withImportSettings(settings).importer()
          .importPath(path, InputFormats.nameOf(path), Optional.ofNullable(source), choice(), progress);
    }
  }

  /** The format asked for, if any, and its options (--cluster is the option cluster). */
  private InputChoice choice() {
    java.util.Map<String, String> all = new java.util.TreeMap<>(options);
    if (cluster != null) {
      all.put("cluster", cluster);
    }
    return new InputChoice(Optional.ofNullable(format), all);
  }

  /** The bulk first load: no server, none of the transactional write's options. */
  private ImportReport loadInitially(boolean remote) throws IOException {
    if (remote) {
      throw new InvalidInput("bulk load works only on the embedded database: --initial does not go through a"
          + " server (--server or " + ServerOption.URL_KEY + ")");
    }
    for (String option : List.of("--commit-every", "--writers", "--batch-size")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new InvalidInput("--initial writes no transactions: " + option + " does not apply");
      }
    }
    try (ProgressBars bars = new ProgressBars()) {
      ImportProgress progress = !noProgress && size(path) >= LARGE ? bars : ImportProgress.none();
      return Blastgate.loadInitially(Environment.config(data.dataDir), path, Optional.ofNullable(source), choice(),
          progress);
    }
  }

  private static void print(ImportReportJson r, long errorCount, boolean initial) {
    var c = r.counts();
    if (r.status().equals("succeeded")) {
      System.out.printf(
          (initial ? "Loaded %s as source %s into an empty database in %d ms (run %s)%n" : "Imported %s as source %s in %d ms (run %s)%n")
              + "  %d identities, %d credentials, %d workloads, %d owners, %d relationships%n"
              + "  written: %d entities, %d relationships (%d entities stated as before)%n"
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
          c.writtenEntities(),
          c.writtenRelationships(),
          c.unchanged(),
          c.removedNodes(),
          c.removedRelationships());
      if (initial) {
        long rows = c.identities() + c.credentials() + c.workloads() + c.owners() + c.relationships();
        System.out.printf(Locale.ROOT, "  %,d entities and relationships in %.1f s: %,.0f per second%n",
            rows, r.durationMs() / 1000.0, rows * 1000.0 / Math.max(1, r.durationMs()));
      }
    } else {
      System.out.printf(
          "Nothing was imported: %d error%s%s%n",
          errorCount,
          errorCount == 1 ? "" : "s",
          errorCount > r.errors().size() ? " (the first " + r.errors().size() + " listed)" : "");
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
