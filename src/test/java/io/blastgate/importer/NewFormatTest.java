package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new source format is one reader and a registration: {@link RosterFormat}, registered here only
 * (through the importer's constructor that takes the formats), is imported end to end into the real
 * graph, given as it is and inside a .zip, with its problems at its own locations; nothing else of the
 * importer knows it. (Here, not in {@code importer.input}: tests of the input side may not use the
 * importer.)
 */
@ExtendWith(TestGraph.class)
class NewFormatTest {
  private static final String ROSTER = """
      # who is in which team
      team platform
      team security
      person ana platform
      person bo platform security
      """;

  /** The registered formats, with the roster asked first. */
  private static final List<InputFormat> WITH_ROSTER = withRoster();

  @TempDir Path dir;

  private static List<InputFormat> withRoster() {
    List<InputFormat> formats = new ArrayList<>(InputFormats.REGISTERED);
    formats.addFirst(new RosterFormat());
    return formats;
  }

  private static ImportReport importPath(Graph graph, Path path) {
    return new Importer(graph, ImportSettings.defaults(), WITH_ROSTER).importPath(path, Optional.empty(), ImportProgress.none());
  }

  @Test
  void aRosterFileIsImportedIntoTheGraph(Graph graph) throws IOException {
    ImportReport report = importPath(graph, Files.writeString(dir.resolve("acme.roster"), ROSTER));

    assertThat(report.errors()).isEmpty();
    assertThat(report.format()).isEqualTo("roster");
    assertThat(report.source()).isEqualTo("acme");
    assertThat(report.counts().owners()).isEqualTo(4);
    assertThat(report.counts().relationships()).isEqualTo(3);
    assertThat(memberships()).containsExactlyInAnyOrder(
        List.of("person:ana", "team:platform", "acme"),
        List.of("person:bo", "team:platform", "acme"),
        List.of("person:bo", "team:security", "acme"));
  }

  @Test
  void aRosterInsideAZipIsImportedTooAndNamedAfterTheArchive(Graph graph) throws IOException {
    Path zip = zip("hr.zip", Map.of(RosterFormat.FOLDER_FILE, ROSTER));

    ImportReport report = importPath(graph, zip);

    assertThat(report.errors()).isEmpty();
    assertThat(report.source()).isEqualTo("hr");
    assertThat(memberships()).containsExactlyInAnyOrder(
        List.of("person:ana", "team:platform", "hr"),
        List.of("person:bo", "team:platform", "hr"),
        List.of("person:bo", "team:security", "hr"));
  }

  @Test
  void theImporterChecksARostersEntitiesAndReportsThemAtTheRostersOwnLocations(Graph graph) throws IOException {
    Path roster = Files.writeString(dir.resolve("bad.roster"), """
        team platform
        robot r2
        person ana platfrom
        """);

    ImportReport report = importPath(graph, roster);

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).extracting(ImportMessage::location).containsExactly("bad.roster:2", "bad.roster:3");
    assertThat(report.errors().get(1).message()).contains("'team:platfrom' exists nowhere");
    assertThat(memberships()).isEmpty();
  }

  @Test
  void theBundleIsStillReadAndAnArchiveOfNeitherNamesWhatEveryFormatLooksFor(Graph graph) throws IOException {
    Path bundle = Files.writeString(dir.resolve("b.json"), """
        {"format": "blastgate.bundle/v1", "source": "hr-sheet",
         "owners": [{"id": "team:platform", "kind": "team"}, {"id": "person:ana", "kind": "person", "member_of": ["team:platform"]}]}
        """);
    ImportReport json = importPath(graph, bundle);
    assertThat(json.format()).isEqualTo("bundle");
    assertThat(memberships()).containsExactly(List.of("person:ana", "team:platform", "hr-sheet"));

    ImportReport neither = importPath(graph, zip("notes.zip", Map.of("notes.txt", "nothing to import")));
    assertThat(neither.errors()).containsExactly(new ImportMessage("notes.zip", "the archive holds neither team.roster"
        + " nor the output of aws iam get-account-authorization-details"
        + " nor catalog-info.yaml (or other Backstage catalog files) nor Kubernetes manifests (*.yaml, *.yml, *.json)"
        + " nor a CODEOWNERS file (at its root, in .github/, docs/ or .gitlab/) nor bundle.json nor any of identities.csv, credentials.csv, workloads.csv, owners.csv"));
  }

  /** (person, team, sources of the membership) for every MEMBER_OF in the graph. */
  private static Set<List<String>> memberships() {
    return TestGraph.database().executeTransactionally(
        "MATCH (p:Owner)-[m:MEMBER_OF]->(t:Owner) RETURN p.id AS p, t.id AS t, m.sources AS sources",
        Map.of(),
        result -> {
          Set<List<String>> rows = new HashSet<>();
          result.forEachRemaining(r -> rows.add(
              List.of((String) r.get("p"), (String) r.get("t"), String.join(",", (String[]) r.get("sources")))));
          return rows;
        });
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path zip = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }
}
