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
 * that tests can compare two graphs or look at one node. Timestamps of a run ({@code last_seen},
 * {@code last_run}, {@code source_runs}, {@code first_seen}) can be left out for comparisons.
 */
public record GraphSnapshot(Map<String, Map<String, Object>> nodes, Map<String, Map<String, Object>> relationships) {
  static final Set<String> RUN_PROPERTIES = Set.of("last_seen", "last_run", "source_runs", "first_seen");

  public static GraphSnapshot take() {
    return take(Set.of());
  }

  /** The model's nodes and relationships, without the properties named. */
  public static GraphSnapshot take(Set<String> without) {
    return TestGraph.database()
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
