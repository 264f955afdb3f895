package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.graph.Graph;
import io.blastgate.graph.GraphSettings;
import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.model.Label;
import io.blastgate.testing.EmbeddedFolder;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bulk first load on its own: the provenance it writes, what it refuses, and how it reports. */
@ExtendWith(TestGraph.class)
class InitialLoadTest {
  /** Every property of an entity besides those its input states, per the provenance spec of issue 8. */
  static final Set<String> PROVENANCE =
      Set.of("id", "name", "sources", "source_runs", "source_hashes", "first_seen", "last_changed", "last_run");

  static final String BUNDLE = """
      {"format": "blastgate.bundle/v1", "source": "inventory",
       "identities": [{"id": "id:sa", "kind": "service_account", "tags": ["pci", "prod"], "status": "active"}],
       "credentials": [{"id": "cred:key", "name": "the key", "kind": "api_token", "authenticates_as": "id:sa",
                        "created_at": "2026-01-04T10:00:00+01:00", "expires_at": "2027-01-04T09:00:00.5Z"}],
       "workloads": [{"id": "wl:api", "kind": "service", "criticality": "high", "uses": ["cred:key"], "runs_as": ["id:sa"]}],
       "owners": [{"id": "team:a", "kind": "team", "owns": ["id:sa", "cred:key", "wl:api"]},
                  {"id": "person:b", "kind": "person", "member_of": ["team:a"]}]}
      """;

  @TempDir Path dir;

  private ImportReport load(Path input) {
    return new InitialLoad(ImportSettings.defaults())
        .load(GraphSettings.embedded(dir.resolve("data")), input, Optional.empty(), ImportProgress.none());
  }

  private Path bundle(String json) throws IOException {
    return Files.writeString(dir.resolve("bundle.json"), json);
  }

  @Test
  void writesEveryEntityAndRelationshipWithTheSpecsProvenanceAndTheSourcesRecord() throws IOException {
    Path input = bundle(BUNDLE);

    ImportReport report = load(input);

    assertThat(report.errors()).isEmpty();
    assertThat(report.counts()).isEqualTo(new Counts(1, 1, 1, 2, 7, 0, 5, 7, 0, 0));
    Map<String, ParsedEntity> stated = parsed(input);
    GraphContents graph;
    try (EmbeddedFolder folder = EmbeddedFolder.open(dir.resolve("data"))) {
      graph = GraphContents.of(folder.database());
    }
    String run = report.runId();
    Map<String, Object> sourceRecord = graph.nodes().get("Source inventory");
    ZonedDateTime now = (ZonedDateTime) sourceRecord.get("last_synced");
    assertThat(now.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(sourceRecord).isEqualTo(Map.ofEntries(
        Map.entry(":labels", "[Source]"), Map.entry("name", "inventory"), Map.entry("last_synced", now),
        Map.entry("last_run", run), Map.entry("status", "succeeded"), Map.entry("identities", 1L),
        Map.entry("credentials", 1L), Map.entry("workloads", 1L), Map.entry("owners", 2L),
        Map.entry("relationships", 7L), Map.entry("unchanged", 0L), Map.entry("written_entities", 5L),
        Map.entry("written_relationships", 7L), Map.entry("removed_nodes", 0L), Map.entry("removed_relationships", 0L)));
    assertThat(stated).hasSize(5);
    stated.forEach((id, entity) -> {
      Map<String, Object> node = graph.nodes().get(id);
      Set<String> keys = new TreeSet<>(entity.props().keySet());
      keys.addAll(PROVENANCE);
      keys.add(":labels");
      assertThat(node).as(id).containsOnlyKeys(keys.toArray(String[]::new));
      assertThat(node).as(id)
          .containsEntry(":labels", new TreeSet<>(List.of("Entity", entity.label().cypherName())).toString())
          .containsEntry("name", entity.props().getOrDefault("name", id))
          .containsEntry("sources", List.of("inventory"))
          .containsEntry("source_runs", List.of("inventory@" + run))
          .containsEntry("source_hashes", List.of("inventory@" + ContentHash.of(entity)))
          .containsEntry("first_seen", now)
          .containsEntry("last_changed", now)
          .containsEntry("last_run", run);
    });
    assertThat(graph.nodes().get("id:sa")).containsEntry("tags", List.of("pci", "prod")).containsEntry("name", "id:sa");
    assertThat(graph.nodes().get("cred:key"))
        .containsEntry("created_at", ZonedDateTime.of(2026, 1, 4, 9, 0, 0, 0, ZoneOffset.UTC))
        .containsEntry("expires_at", ZonedDateTime.of(2027, 1, 4, 9, 0, 0, 500_000_000, ZoneOffset.UTC));
    Map<String, Object> provenance = Map.of("sources", List.of("inventory"), "source_runs", List.of("inventory@" + run),
        "first_seen", now, "last_changed", now, "last_run", run);
    assertThat(graph.relationships()).containsOnlyKeys(
        "cred:key -AUTHENTICATES_AS-> id:sa", "wl:api -USES-> cred:key", "wl:api -RUNS_AS-> id:sa",
        "team:a -OWNS-> id:sa", "team:a -OWNS-> cred:key", "team:a -OWNS-> wl:api", "person:b -MEMBER_OF-> team:a");
    graph.relationships().forEach((key, props) -> assertThat(props).as(key).isEqualTo(provenance));
  }

  /** What the importer's reader makes of each entity of a one-file bundle, by id. */
  private static Map<String, ParsedEntity> parsed(Path bundle) {
    JsonNode root = Fixtures.json(bundle);
    EntityReader reader = new EntityReader(Vocabulary.get());
    Map<String, ParsedEntity> out = new HashMap<>();
    for (Label label : Label.values()) {
      int position = 0;
      for (JsonNode fields : root.path(label.section())) {
        ParsedEntity entity = reader.read(label, position++, fields, new Locations.Json(), new Problems(10));
        out.put(entity.id(), entity);
      }
    }
    return out;
  }

  static Stream<Path> invalidInputs() throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Fixtures.path("invalid"))) {
      files.filter(p -> p.toString().endsWith(".json") && !p.endsWith("expected-errors.json")).sorted().forEach(all::add);
    }
    all.add(Path.of("fixtures/csv/invalid/bad-enum"));
    return all.stream();
  }

  @Test
  void refusesEveryInvalidInputWithTheReportOfAnImportAndWritesNothing(Graph graph) throws IOException {
    List<Path> inputs = invalidInputs().toList();
    assertThat(inputs).hasSizeGreaterThan(10);
    for (Path input : inputs) {
      ImportReport imported = new Importer(graph, ImportSettings.defaults()).importPath(input, Optional.empty(), ImportProgress.none());
      ImportReport loaded = load(input);

      assertThat(loaded.status()).as(input.toString()).isEqualTo(ImportReport.Status.FAILED);
      assertThat(List.of(loaded.source(), loaded.format(), loaded.errors(), loaded.warnings(), loaded.errorCount()))
          .as(input.toString())
          .isEqualTo(List.of(imported.source(), imported.format(), imported.errors(), imported.warnings(), imported.errorCount()));
    }
    try (EmbeddedFolder folder = EmbeddedFolder.open(dir.resolve("data")); var tx = folder.database().beginTx()) {
      assertThat(tx.getAllNodes().stream().count()).isZero();
    }
  }

  @Test
  void refusesADatabaseThatHoldsDataWithOneLineAndLeavesItAsItWas() throws IOException {
    Path input = bundle(BUNDLE);
    assertThat(load(input).succeeded()).isTrue();

    assertThatThrownBy(() -> load(input))
        .isInstanceOf(Conflict.class)
        .hasMessage("the database in " + dir.resolve("data").toAbsolutePath().normalize() + " already holds 6 nodes:"
            + " a bulk load builds a new database and works only into an empty one; import into it instead");
    try (EmbeddedFolder folder = EmbeddedFolder.open(dir.resolve("data")); var tx = folder.database().beginTx()) {
      assertThat(tx.getAllNodes().stream().count()).isEqualTo(6 + migrations()); // and the migrations
    }
  }

  /** How many schema migrations a database holds once opened: one node per file of cypher/migrations. */
  static int migrations() {
    try (var files = Files.list(Path.of("cypher/migrations"))) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".cypher")).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void reportsItsPhasesAndTheLoadInRows() throws IOException {
    List<String> phases = new ArrayList<>();
    long[] loaded = {0};
    ImportProgress progress = new ImportProgress() {
      @Override
      public void phase(String name, long total) {
        phases.add(name + " " + total);
      }

      @Override
      public void advance(long n) {
        if (phases.getLast().startsWith("load ")) {
          loaded[0] += n;
        }
      }
    };

    ImportReport report = new InitialLoad(ImportSettings.defaults())
        .load(GraphSettings.embedded(dir.resolve("data")), bundle(BUNDLE), Optional.empty(), progress);

    assertThat(report.succeeded()).isTrue();
    assertThat(phases).containsExactly("check the database -1", "validate -1", "resolve 5", "load 12", "schema -1");
    assertThat(loaded[0]).isEqualTo(12);
  }
}
