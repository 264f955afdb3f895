package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture bundle: the valid ones import with the right figures, the invalid ones write nothing. */
@ExtendWith(TestGraph.class)
class FixtureImportTest {

  static Stream<Path> validBundles() {
    List<Path> all = new ArrayList<>(Fixtures.scenarioBundles());
    all.add(Fixtures.path("demo/acme-org.json"));
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("validBundles")
  void importsEveryValidBundleWithItsFigures(Path bundle, Graph graph) {
    ImportReport report = new Importer(graph, ImportSettings.defaults()).importPath(bundle, Optional.empty(), ImportProgress.none());

    assertThat(report.errors()).isEmpty();
    assertThat(report.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
    Fixtures.Figures expected = Fixtures.figures(bundle);
    String source = Fixtures.json(bundle).get("source").asText();
    assertThat(report.source()).isEqualTo(source);
    assertThat(report.format()).isEqualTo("bundle");
    assertThat(report.counts())
        .isEqualTo(new Counts(expected.identities(), expected.credentials(), expected.workloads(),
            expected.owners(), expected.relationships(), 0, expected.entities(), expected.relationships(), 0, 0));
    assertThat(GraphSnapshot.count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(expected.entities());
    assertThat(GraphSnapshot.count("MATCH (:Entity)-[r]->(:Entity) RETURN count(r)")).isEqualTo(expected.relationships());
    // Provenance on every node and every relationship, naming this run.
    String sourceRun = source + "@" + report.runId();
    assertThat(GraphSnapshot.count(
        "MATCH (n:Entity) WHERE n.sources = ['" + source + "'] AND n.source_runs = ['" + sourceRun + "']"
            + " AND size(n.source_hashes) = 1 AND n.source_hashes[0] STARTS WITH '" + source + "@'"
            + " AND n.first_seen IS :: ZONED DATETIME AND n.last_changed = n.first_seen AND n.last_run = '"
            + report.runId() + "' AND n.name IS NOT NULL AND n.kind IS NOT NULL RETURN count(n)"))
        .isEqualTo(expected.entities());
    assertThat(GraphSnapshot.count(
        "MATCH (:Entity)-[r]->(:Entity) WHERE r.sources = ['" + source + "'] AND r.source_runs = ['" + sourceRun + "']"
            + " AND r.first_seen IS :: ZONED DATETIME AND r.last_changed = r.first_seen AND r.last_run = '"
            + report.runId() + "' RETURN count(r)"))
        .isEqualTo(expected.relationships());
    // Each node carries exactly one model label besides Entity.
    assertThat(GraphSnapshot.count(
        "MATCH (n:Entity) WHERE size([l IN labels(n) WHERE l IN ['Identity','Credential','Workload','Owner']]) = 1"
            + " RETURN count(n)")).isEqualTo(expected.entities());
    Map<String, Object> sourceNode = TestGraph.database().executeTransactionally(
        "MATCH (s:Source {name: $name}) RETURN properties(s) AS p", Map.of("name", source),
        r -> (Map<String, Object>) r.next().get("p"));
    assertThat(sourceNode).containsEntry("status", "succeeded").containsEntry("last_run", report.runId())
        .containsEntry("workloads", expected.workloads()).containsEntry("removed_nodes", 0L);
  }

  @Test
  void storesPropertiesAsTheModelSaysSpotChecked(Graph graph) {
    Path bundle = Fixtures.path("scenarios/owners-via-teams/bundle.json");
    new Importer(graph, ImportSettings.defaults()).importPath(bundle, Optional.empty(), ImportProgress.none());

    Map<String, Object> token = GraphSnapshot.node("cred:fraud-api-token");
    assertThat(token)
        .containsEntry(":labels", "[Credential, Entity]")
        .containsEntry("name", "fraud vendor API token")
        .containsEntry("kind", "api_token")
        .containsEntry("status", "active")
        .containsEntry("created_at", ZonedDateTime.of(2026, 3, 15, 9, 30, 0, 0, ZoneOffset.UTC))
        .containsEntry("expires_at", ZonedDateTime.of(2027, 3, 15, 9, 30, 0, 0, ZoneOffset.UTC));
    Map<String, Object> orphan = GraphSnapshot.node("wl:orphan-job");
    assertThat(orphan).containsEntry(":labels", "[Entity, Workload]").containsEntry("environment", "prod")
        .doesNotContainKey("criticality");
    Map<String, Object> ana = GraphSnapshot.node("person:ana");
    assertThat(ana).containsEntry(":labels", "[Entity, Owner]").containsEntry("email", "ana@example.com")
        .containsEntry("kind", "person");
    assertThat(GraphSnapshot.take().relationships().keySet())
        .contains("person:ana -MEMBER_OF-> team:payments", "person:ana -MEMBER_OF-> team:risk",
            "team:security -OWNS-> cred:fraud-api-token", "cred:fraud-api-token -AUTHENTICATES_AS-> id:fraud-sa",
            "wl:ledger-sync -DEPENDS_ON-> wl:fraud-check", "wl:payouts -USES-> cred:fraud-api-token");
  }

  @Test
  void storesOffsetTimestampsInUtcAndNameDefaultsToId(Graph graph, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path bundle = dir.resolve("b.json");
    java.nio.file.Files.writeString(bundle, """
        {"format": "blastgate.bundle/v1", "source": "t",
         "identities": [{"id": "id:x", "kind": "role", "tags": ["protected", "protected"]}],
         "credentials": [{"id": "cred:x", "kind": "ssh_key", "authenticates_as": "id:x",
                          "created_at": "2026-01-04T09:00:00+01:00", "expires_at": null}]}
        """);
    ImportReport report = new Importer(graph, ImportSettings.defaults()).importPath(bundle, Optional.empty(), ImportProgress.none());

    assertThat(report.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
    assertThat(report.warnings()).extracting(ImportMessage::location).containsExactly("/identities/0/tags/1");
    assertThat(GraphSnapshot.node("cred:x"))
        .containsEntry("created_at", ZonedDateTime.of(2026, 1, 4, 8, 0, 0, 0, ZoneOffset.UTC))
        .doesNotContainKey("expires_at")
        .containsEntry("name", "cred:x");
    assertThat(GraphSnapshot.node("id:x")).containsEntry("tags", List.of("protected")).containsEntry("name", "id:x");
  }

  static Stream<String> invalidBundles() {
    List<String> names = new ArrayList<>();
    Fixtures.json(Fixtures.path("invalid/expected-errors.json")).get("files").fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("invalidBundles")
  void refusesEveryInvalidBundleWithAllItsErrorsAndWritesNothing(String file, Graph graph) {
    long before = GraphSnapshot.count("MATCH (n) RETURN count(n)");
    ImportReport report = new Importer(graph, ImportSettings.defaults())
        .importPath(Fixtures.path("invalid/" + file), Optional.empty(), ImportProgress.none());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.counts()).isEqualTo(Counts.ZERO);
    assertThat(report.errorCount()).isEqualTo(report.errors().size());
    JsonNode expected = Fixtures.json(Fixtures.path("invalid/expected-errors.json")).get("files").get(file);
    assertErrorsMatch(report.errors(), expected);
    assertThat(GraphSnapshot.count("MATCH (n) RETURN count(n)")).isEqualTo(before);
    assertThat(GraphSnapshot.count("MATCH (s:Source) RETURN count(s)")).isZero();
  }

  @Test
  void refusesTheInvalidCsvFolderAtFileLineAndColumn(Graph graph) {
    Path folder = Fixtures.path("csv/invalid/bad-enum");
    ImportReport report = new Importer(graph, ImportSettings.defaults()).importPath(folder, Optional.empty(), ImportProgress.none());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    JsonNode expected = Fixtures.json(folder.resolve("expected-errors.json")).get("errors");
    List<String> locations = new ArrayList<>();
    expected.forEach(e -> locations.add(e.get("file").asText() + ":" + e.get("line").asInt() + ":" + e.get("column").asInt()));
    assertThat(report.errors()).extracting(ImportMessage::location).containsExactlyElementsOf(locations);
    assertThat(report.errors().get(0).message()).contains("'urgent'", "criticality");
    assertThat(GraphSnapshot.count("MATCH (n) WHERE NOT n:Migration RETURN count(n)")).isZero();
  }

  /**
   * Each expected error is reported, at its pointer or one of its alternatives, at most once per
   * place; no error is reported anywhere else; and each quoted word of the gist is in the message.
   */
  static void assertErrorsMatch(List<ImportMessage> errors, JsonNode expected) {
    Set<ImportMessage> matched = new HashSet<>();
    for (JsonNode entry : expected) {
      Set<String> places = new HashSet<>();
      places.add(entry.get("pointer").asText());
      entry.path("or").forEach(p -> places.add(p.asText()));
      List<ImportMessage> hits = errors.stream().filter(e -> places.contains(e.location())).toList();
      assertThat(hits).as("errors at %s", places).isNotEmpty().hasSizeLessThanOrEqualTo(places.size());
      for (String quoted : quoted(entry.get("gist").asText())) {
        assertThat(hits).as("errors at %s naming %s", places, quoted).allSatisfy(h -> assertThat(h.message()).contains(quoted));
      }
      matched.addAll(hits);
    }
    assertThat(errors).as("errors that no expectation names").isSubsetOf(matched);
  }

  private static List<String> quoted(String gist) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'[^']+'").matcher(gist);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
