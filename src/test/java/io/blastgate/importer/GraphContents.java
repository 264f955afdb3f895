package io.blastgate.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;

/**
 * Everything a load leaves in a database, read through Neo4j's embedded API (none of the program's
 * code), as plain sorted values that two databases can be compared by: every node by its id (a
 * source's record as {@code Source <name>}, a migration as {@code Migration <version>}, without the
 * time it was applied), every relationship as {@code from -TYPE-> to}, each with its labels and
 * properties (arrays as lists, date-times as Neo4j returns them, zone included), and the schema.
 */
record GraphContents(Map<String, Map<String, Object>> nodes, Map<String, Map<String, Object>> relationships,
    List<String> schema) {

  static GraphContents of(GraphDatabaseService db) {
    try (Transaction tx = db.beginTx()) {
      Map<String, Map<String, Object>> nodes = new TreeMap<>();
      for (Node n : tx.getAllNodes()) {
        if (n.hasLabel(Label.label("Publication"))) {
          // How many imports readers have seen published: a count of commits, not the graph's content
          // (a bulk load, offline, publishes nothing to readers).
          continue;
        }
        Map<String, Object> props = properties(n);
        List<String> labels = new ArrayList<>();
        n.getLabels().forEach(l -> labels.add(l.name()));
        props.put(":labels", new TreeSet<>(labels).toString());
        nodes.put(key(n), props);
      }
      Map<String, Map<String, Object>> rels = new TreeMap<>();
      for (Relationship r : tx.getAllRelationships()) {
        rels.put(key(r.getStartNode()) + " -" + r.getType().name() + "-> " + key(r.getEndNode()), properties(r));
      }
      List<String> schema = new ArrayList<>();
      for (IndexDefinition index : tx.schema().getIndexes()) {
        schema.add("index " + index.getName() + " " + index.getIndexType() + " on "
            + (index.isNodeIndex() ? tokens(index.getLabels()) : tokens(index.getRelationshipTypes()))
            + " " + index.getPropertyKeys() + (index.isConstraintIndex() ? " (constraint)" : "")
            + " " + tx.schema().getIndexState(index));
      }
      for (ConstraintDefinition c : tx.schema().getConstraints()) {
        schema.add("constraint " + c.getName() + " " + c.getConstraintType() + " " + c.getPropertyKeys());
      }
      schema.sort(null);
      return new GraphContents(nodes, rels, schema);
    }
  }

  /** The same contents with every property value mapped (by key and value). */
  GraphContents mapValues(java.util.function.BiFunction<String, Object, Object> f) {
    UnaryOperator<Map<String, Map<String, Object>>> each = in -> {
      Map<String, Map<String, Object>> out = new TreeMap<>();
      in.forEach((k, props) -> {
        Map<String, Object> mapped = new TreeMap<>();
        props.forEach((p, v) -> {
          Object value = f.apply(p, v);
          if (value != null) {
            mapped.put(p, value);
          }
        });
        out.put(k, mapped);
      });
      return out;
    };
    return new GraphContents(each.apply(nodes), each.apply(relationships), schema);
  }

  private static String key(Node n) {
    if (n.hasLabel(Label.label("Source"))) {
      return "Source " + n.getProperty("name");
    }
    if (n.hasLabel(Label.label("Migration"))) {
      return "Migration " + n.getProperty("version");
    }
    return (String) n.getProperty("id");
  }

  private static String tokens(Iterable<?> tokens) {
    return StreamSupport.stream(tokens.spliterator(), false).map(Object::toString).sorted().toList().toString();
  }

  private static Map<String, Object> properties(Entity e) {
    Map<String, Object> out = new TreeMap<>();
    boolean migration = e instanceof Node n && n.hasLabel(Label.label("Migration"));
    e.getAllProperties().forEach((k, v) -> {
      if (!(migration && k.equals("applied_at"))) {
        out.put(k, v instanceof String[] a ? Arrays.asList(a) : v instanceof long[] a ? Arrays.stream(a).boxed().toList() : v);
      }
    });
    return out;
  }
}
