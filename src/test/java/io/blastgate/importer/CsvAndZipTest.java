package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The CSV form of the bundle, and both forms inside a .zip. */
@ExtendWith(TestGraph.class)
class CsvAndZipTest {
  static final Path CSV = Fixtures.path("csv/worked-example");
  static final Path JSON = Fixtures.path("scenarios/worked-example/bundle.json");
  static final String SOURCE = "scenario-worked-example";

  @TempDir Path dir;

  private static Importer importer(Graph graph) {
    return new Importer(graph, ImportSettings.defaults());
  }

  @Test
  void aCsvFolderAndItsJsonBundleGiveTheSameGraph(Graph graph) {
    ImportReport json = importer(graph).importPath(JSON, Optional.empty(), ImportProgress.none());
    GraphSnapshot fromJson = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    ImportReport csv = importer(graph).importPath(CSV, Optional.of(SOURCE), ImportProgress.none());

    assertThat(csv.errors()).isEmpty();
    assertThat(csv.counts()).isEqualTo(json.counts());
    assertThat(fromJson.nodes()).hasSize(8);
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(fromJson);
  }

  @Test
  void aCsvFolderIsNamedAfterItsFolderUnlessASourceIsGiven(Graph graph) {
    ImportReport report = importer(graph).importPath(CSV, Optional.empty(), ImportProgress.none());

    assertThat(report.source()).isEqualTo("worked-example");
    assertThat(GraphSnapshot.node("wl:checkout")).containsEntry("sources", List.of("worked-example"));
  }

  @Test
  void csvErrorsPointToFileLineAndColumn(Graph graph) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("inventory"));
    Files.writeString(folder.resolve("workloads.csv"), """
        id,kind,criticality,dependson,uses
        wl:a,service,high,,cred:k
        wl:b,servce,urgent,,cred:nowhere|cred:k|cred:k

        wl:c,job,,,"cred:k|
        wl:a"
        """);
    Files.writeString(folder.resolve("credentials.csv"), "id,kind\ncred:k,secret\n");
    Files.writeString(folder.resolve("owner.csv"), "id,kind\nteam:x,team\n");

    ImportReport report = importer(graph).importPath(folder, Optional.empty(), ImportProgress.none());

    assertThat(report.errors()).extracting(ImportMessage::location).containsExactly(
        "owner.csv", "workloads.csv:1:4", "workloads.csv:3:2", "workloads.csv:3:3", "workloads.csv:3:5",
        "workloads.csv:5:5");
    assertThat(report.errors()).extracting(ImportMessage::message).satisfiesExactly(
        m -> assertThat(m).contains("unknown file 'owner.csv'", "did you mean 'owners.csv'"),
        m -> assertThat(m).contains("unknown column 'dependson'", "did you mean 'depends_on'"),
        m -> assertThat(m).contains("'servce'", "did you mean 'service'"),
        m -> assertThat(m).contains("'urgent'"),
        m -> assertThat(m).contains("'cred:nowhere'", "exists nowhere"),
        m -> assertThat(m).contains("'wl:a' is a Workload", "'uses' must point to a Credential"));
    assertThat(report.warnings()).extracting(ImportMessage::location).containsExactly("workloads.csv:3:5");
    assertThat(GraphSnapshot.count("MATCH (n) WHERE NOT n:Migration RETURN count(n)")).isZero();
  }

  @Test
  void aCsvHeaderWithoutIdOrKindIsOneError(Graph graph) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("inventory"));
    Files.writeString(folder.resolve("owners.csv"), "\uFEFFid,name\nteam:a,A\nteam:b,B\n");

    ImportReport report = importer(graph).importPath(folder, Optional.empty(), ImportProgress.none());

    assertThat(report.errors()).extracting(ImportMessage::location).containsExactly("owners.csv:1");
    assertThat(report.errors().get(0).message()).contains("required column 'kind'");
  }

  @Test
  void importsAZipOfTheCsvFolder(Graph graph) throws IOException {
    Path zip = dir.resolve("upload.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        Stream<Path> files = Files.list(CSV)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        out.putNextEntry(new ZipEntry("worked-example/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    ImportReport report = importer(graph).importPath(zip, Optional.of(SOURCE), ImportProgress.none());

    assertThat(report.errors()).isEmpty();
    assertThat(report.counts().entities()).isEqualTo(8);
    assertThat(report.counts().relationships()).isEqualTo(8);
    assertThat(temporaryFolders()).isEmpty();
  }

  @Test
  void importsAZipOfABundleJsonAndNamesAFolderlessCsvZipAfterItself(Graph graph) throws IOException {
    Path zip = zip("bundle.zip", Map.of("bundle.json", Files.readString(JSON)));
    assertThat(importer(graph).importPath(zip, Optional.empty(), ImportProgress.none()).counts().workloads()).isEqualTo(4);

    Path csvZip = zip("hr-export.zip", Map.of("owners.csv", "id,kind\nteam:a,team\n"));
    ImportReport report = importer(graph).importPath(csvZip, Optional.empty(), ImportProgress.none());
    assertThat(report.source()).isEqualTo("hr-export");
    assertThat(report.counts().owners()).isEqualTo(1);
  }

  @Test
  void refusesAZipSlipEntryAndWritesNothing(Graph graph) throws IOException {
    Path zip = zip("evil.zip", Map.of("owners.csv", "id,kind\nteam:a,team\n", "../../escaped.csv", "boom"));

    ImportReport report = importer(graph).importPath(zip, Optional.of("x"), ImportProgress.none());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("evil.zip!../../escaped.csv");
      assertThat(e.message()).startsWith("an entry outside the archive's folder");
    });
    assertThat(Files.exists(dir.resolve("escaped.csv"))).isFalse();
    assertThat(Files.exists(dir.getParent().resolve("escaped.csv"))).isFalse();
    assertThat(temporaryFolders()).isEmpty();
    assertThat(GraphSnapshot.count("MATCH (n) WHERE NOT n:Migration RETURN count(n)")).isZero();
  }

  @Test
  void refusesAZipThatUnpacksToMoreThanAllowed(Graph graph) throws IOException {
    Path zip = zip("big.zip", Map.of("owners.csv", "id,kind\n" + "team:a,team\n".repeat(10_000)));
    ImportSettings small = ImportSettings.defaults().withMaxZipBytes(50_000);

    ImportReport report = new Importer(graph, small).importPath(zip, Optional.of("x"), ImportProgress.none());

    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("more than 50000 bytes"));
    assertThat(temporaryFolders()).isEmpty();
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path zip = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }

  /** The importer's temporary folders left behind (there must be none). */
  private static List<Path> temporaryFolders() throws IOException {
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return tmp.filter(p -> p.getFileName().toString().startsWith("blastgate-import-")).toList();
    }
  }
}
