package io.blastgate.importer;

import io.blastgate.testing.TestGraph;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * The whole graph as plain sorted values, read through the embedded API (not the code under test), so
 * that tests can compare two graphs or look at one node. What names a run or its instant ({@code
 * last_changed}, {@code last_run}, {@code source_runs}, {@code first_seen}) can be left out for
 * comparisons.
 */
public record GraphSnapshot(Map<String, Map<String, Object>> nodes, Map<String, Map<String, Object>> relationships) {
  static final Set<String> RUN_PROPERTIES = Set.of("last_changed", "last_run", "source_runs", "first_seen");

  public static GraphSnapshot take() {
    return take(Set.of());
  }

  /** The model's nodes and relationships, without the properties named. */
  public static GraphSnapshot take(Set<String> without) {
    return take(TestGraph.database(), without);
  }

  /** The model's nodes and relationships read through the driver, without the properties named. */
  static GraphSnapshot take(io.blastgate.graph.Graph graph, Set<String> without) {
    Map<String, Map<String, Object>> nodes = new TreeMap<>();
    Map<String, Map<String, Object>> rels = new TreeMap<>();
    graph.readAnyState(SnapshotQuery.NODES, Map.of(), rows -> {
      rows.forEachRemaining(r -> {
        Map<String, Object> props = plainAll(r.map("props"), without);
        props.put(":labels", new TreeSet<>(r.texts("labels")).toString());
        nodes.put(r.text("id"), props);
      });
      return null;
    });
    graph.readAnyState(SnapshotQuery.RELATIONSHIPS, Map.of(), rows -> {
      rows.forEachRemaining(r ->
          rels.put(r.text("from") + " -" + r.text("type") + "-> " + r.text("to"), plainAll(r.map("props"), without)));
      return null;
    });
    return new GraphSnapshot(nodes, rels);
  }

  private static Map<String, Object> plainAll(Map<String, Object> props, Set<String> without) {
    Map<String, Object> out = new TreeMap<>();
    props.forEach((k, v) -> {
      if (!without.contains(k)) {
        out.put(k, v instanceof java.time.OffsetDateTime t ? t.toZonedDateTime() : v);
      }
    });
    return out;
  }

  /** The model's nodes and relationships of another database, without the properties named. */
  static GraphSnapshot take(org.neo4j.graphdb.GraphDatabaseService database, Set<String> without) {
    return database
        .executeTransactionally(
            "MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(:Entity) RETURN n, r",
            Map.of(),
            result -> {
              Map<String, Map<String, Object>> nodes = new TreeMap<>();
              Map<String, Map<String, Object>> rels = new TreeMap<>();
              result.forEachRemaining(row -> {
                Node n = (Node) row.get("n");
                Map<String, Object> props = props(n, without);
                List<String> labels = new ArrayList<>();
                n.getLabels().forEach(l -> labels.add(l.name()));
                props.put(":labels", new TreeSet<>(labels).toString());
                nodes.put((String) n.getProperty("id"), props);
                if (row.get("r") instanceof Relationship r) {
                  String key = r.getStartNode().getProperty("id") + " -" + r.getType().name() + "-> "
                      + r.getEndNode().getProperty("id");
                  rels.put(key, props(r, without));
                }
              });
              return new GraphSnapshot(nodes, rels);
            });
  }

  /**
   * This snapshot with each run's id (inside any text) and each run's instant replaced by a name, so
   * that the graphs of two series of runs that should end alike can be compared property by property.
   */
  GraphSnapshot named(Map<String, String> runIds, Map<ZonedDateTime, String> instants) {
    return new GraphSnapshot(named(nodes, runIds, instants), named(relationships, runIds, instants));
  }

  private static Map<String, Map<String, Object>> named(Map<String, Map<String, Object>> all,
      Map<String, String> runIds, Map<ZonedDateTime, String> instants) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    all.forEach((key, props) -> {
      Map<String, Object> copy = new TreeMap<>();
      props.forEach((k, v) -> copy.put(k, named(v, runIds, instants)));
      out.put(key, copy);
    });
    return out;
  }

  private static Object named(Object value, Map<String, String> runIds, Map<ZonedDateTime, String> instants) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> named(v, runIds, instants)).toList();
    }
    if (value instanceof ZonedDateTime z) {
      return instants.entrySet().stream().filter(e -> e.getKey().isEqual(z)).map(Map.Entry::getValue).findFirst()
          .orElse("an instant of no run: " + z);
    }
    if (value instanceof String text) {
      for (Map.Entry<String, String> run : runIds.entrySet()) {
        text = text.replace(run.getKey(), run.getValue());
      }
      return text;
    }
    return value;
  }

  /** When the source's last run synced it (its record's last_synced). */
  static ZonedDateTime lastSynced(String source) {
    return TestGraph.database().executeTransactionally("MATCH (s:Source {name: $name}) RETURN s.last_synced AS t",
        Map.of("name", source), r -> (ZonedDateTime) r.next().get("t"));
  }

  public static long count(String cypher) {
    return TestGraph.database()
        .executeTransactionally(cypher, Map.of(), r -> ((Number) r.next().values().iterator().next()).longValue());
  }

  static Map<String, Object> node(String id) {
    return take().nodes().get(id);
  }

  private static Map<String, Object> props(Entity e, Set<String> without) {
    Map<String, Object> out = new TreeMap<>();
    e.getAllProperties().forEach((k, v) -> {
      if (!without.contains(k)) {
        out.put(k, plain(v));
      }
    });
    return out;
  }

  /** Arrays become lists so that equals compares contents. */
  private static Object plain(Object v) {
    if (v instanceof String[] a) {
      return Arrays.asList(a);
    }
    if (v instanceof long[] a) {
      return Arrays.stream(a).boxed().toList();
    }
    if (v instanceof ZonedDateTime z) {
      return z;
    }
    return v;
  }
}
