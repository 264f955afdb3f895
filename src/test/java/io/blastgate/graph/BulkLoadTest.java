package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.testing.EmbeddedFolder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;

/** Neo4j's offline importer into an embedded data folder, checked through Neo4j's own embedded API. */
class BulkLoadTest {
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 8, 30, 0, 123_000_000, ZoneOffset.UTC);

  /** An input held in lists; {@code failAfter} relationships, it fails as a changed file would. */
  record Listed(List<BulkInput.Node> nodeList, List<BulkInput.Relationship> relationshipList, int failAfter)
      implements BulkInput {
    @Override
    public List<String> idSpaces() {
      return List.of("Entity", "Source");
    }

    @Override
    public long nodeCount() {
      return nodeList.size();
    }

    @Override
    public long relationshipCount() {
      return relationshipList.size();
    }

    @Override
    public void nodes(Consumer<Node> each) {
      nodeList.forEach(each);
    }

    @Override
    public void relationships(Consumer<Relationship> each) {
      for (int i = 0; i < relationshipList.size(); i++) {
        if (i == failAfter) {
          throw new IllegalStateException("the input changed between validating and writing it");
        }
        each.accept(relationshipList.get(i));
      }
    }
  }

  private static Listed small(int failAfter) {
    List<BulkInput.Node> nodes = new ArrayList<>();
    nodes.add(new BulkInput.Node("Entity", "id:a", List.of("Entity", "Identity"),
        Map.of("id", "id:a", "tags", List.of("x", "y"), "first_seen", NOW, "n", 3L, "flag", true)));
    nodes.add(new BulkInput.Node("Entity", "wl:b", List.of("Entity", "Workload"), Map.of("id", "wl:b")));
    // A Source node whose name is also an entity's id: the id spaces keep them apart.
    nodes.add(new BulkInput.Node("Source", "id:a", List.of("Source"), Map.of("name", "id:a")));
    List<BulkInput.Relationship> rels = new ArrayList<>();
    rels.add(new BulkInput.Relationship("Entity", "wl:b", "RUNS_AS", "id:a", Map.of("sources", List.of("s"), "first_seen", NOW)));
    rels.add(new BulkInput.Relationship("Entity", "id:a", "CAN_ASSUME", "id:a", Map.of()));
    return new Listed(nodes, rels, failAfter);
  }

  @Test
  void replacesAnEmptyDatabaseWithTheStoreItBuildsWhichTheProgramThenOpensWithItsSchema(@TempDir Path dir) {
    GraphSettings settings = GraphSettings.embedded(dir);
    GraphConnection.open(settings).close(); // an empty database, with its migrations only
    List<Integer> percents = new ArrayList<>();

    BulkLoad.into(settings).write(small(-1), percents::add);

    assertThat(percents).isNotEmpty().isSorted().endsWith(100);
    try (GraphConnection opened = GraphConnection.open(settings)) {
      List<String> constraints = opened.graph().read(TestQuery.LIST_CONSTRAINTS, Map.of(),
          r -> r.list().stream().map(row -> row.text("name")).toList());
      assertThat(constraints).contains("entity_id", "source_name", "migration_version");
      assertThat(dataNodes(opened.graph())).isEqualTo(3);
    }
    try (EmbeddedFolder folder = EmbeddedFolder.open(dir); var tx = folder.database().beginTx()) {
      Node a = tx.findNode(Label.label("Entity"), "id", "id:a");
      assertThat(a.getLabels()).extracting(Label::name).containsExactlyInAnyOrder("Entity", "Identity");
      Map<String, Object> props = new TreeMap<>(a.getAllProperties());
      assertThat(props).containsOnlyKeys("id", "tags", "first_seen", "n", "flag");
      assertThat((String[]) props.get("tags")).containsExactly("x", "y");
      assertThat(props.get("first_seen")).isEqualTo(ZonedDateTime.of(2026, 12, 1, 8, 30, 0, 123_000_000, ZoneOffset.UTC));
      assertThat(props).containsEntry("n", 3L).containsEntry("flag", true);
      Relationship runsAs = a.getSingleRelationship(RelationshipType.withName("RUNS_AS"), Direction.INCOMING);
      assertThat(runsAs.getStartNode().getProperty("id")).isEqualTo("wl:b");
      assertThat((String[]) runsAs.getProperty("sources")).containsExactly("s");
      assertThat(a.getSingleRelationship(RelationshipType.withName("CAN_ASSUME"), Direction.OUTGOING).getEndNode())
          .isEqualTo(a);
      assertThat(tx.findNode(Label.label("Source"), "name", "id:a").getAllProperties())
          .isEqualTo(Map.of("name", "id:a"));
    }
  }

  private static long dataNodes(Graph graph) {
    return graph.read(HousekeepingQuery.COUNT_DATA_NODES, Map.of(), r -> r.single().number("nodes"));
  }

  @Test
  void refusesARemoteGraph() {
    GraphSettings remote = new GraphSettings(Optional.of(URI.create("neo4j://graph.example:7687")), "neo4j",
        Optional.of(new GraphSettings.Secret("x")), "neo4j", Path.of("unused"), 0, 1 << 20,
        Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThatThrownBy(() -> BulkLoad.into(remote))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("bulk load works only on the embedded database, not on neo4j://graph.example:7687");
  }

  @Test
  void refusesADatabaseThatHoldsANodeAndLeavesItAsItWas(@TempDir Path dir) {
    GraphSettings settings = GraphSettings.embedded(dir);
    try (GraphConnection connection = GraphConnection.open(settings)) {
      connection.graph().writeTx("seed", tx -> tx.run(TestQuery.CREATE_MARKER, Map.of()).consume());
    }
    assertThatThrownBy(() -> BulkLoad.into(settings))
        .isInstanceOf(Conflict.class)
        .hasMessage("the database in " + dir.toAbsolutePath().normalize() + " already holds 1 node: a bulk load"
            + " builds a new database and works only into an empty one; import into it instead");
    try (GraphConnection again = GraphConnection.open(settings)) {
      long markers = again.graph().read(TestQuery.COUNT_MARKERS, Map.of(), r -> r.single().number("markers"));
      assertThat(markers).isEqualTo(1);
    }
  }

  @Test
  void aFailingInputLeavesNoDatabaseRatherThanPartOfOne(@TempDir Path dir) {
    GraphSettings settings = GraphSettings.embedded(dir);
    BulkLoad load = BulkLoad.into(settings);
    assertThatThrownBy(() -> load.write(small(1), p -> {}))
        .hasStackTraceContaining("the input changed between validating and writing it");
    try (GraphConnection opened = GraphConnection.open(settings)) {
      assertThat(dataNodes(opened.graph())).isZero();
    }
  }

  @Test
  void refusesToWriteWhileAnotherHoldsTheDataFolderOrAfterTheDatabaseChanged(@TempDir Path dir) {
    GraphSettings settings = GraphSettings.embedded(dir);
    BulkLoad load = BulkLoad.into(settings);
    try (GraphConnection meanwhile = GraphConnection.open(settings)) {
      assertThatThrownBy(() -> load.write(small(-1), p -> {}))
          .isInstanceOf(GraphUnavailable.class)
          .hasMessageContaining("is in use by another process");
    }
    // The database that the other process created meanwhile is not the one found empty.
    assertThatThrownBy(() -> load.write(small(-1), p -> {}))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("changed after it was found empty; nothing was loaded");
  }
}
