package io.blastgate.plugin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;

/**
 * The reads of the answer's small parts (its target, dependent identities, direct workloads and
 * shared-secret reach) through Neo4j's core API; {@link StoreReads} has the hot path.
 */
final class CoreApiReads {
  private CoreApiReads() {}

  /**
   * The other ends, each once and in the order met, of a node's relationships of these types in one
   * direction that carry a label.
   */
  // Node.getId(): see BlastRadiusWalk.
  @SuppressWarnings({"deprecation", "removal"})
  static List<Node> neighbours(
      Node node, Direction direction, Label label, RelationshipType... types) {
    List<Node> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    try (ResourceIterable<Relationship> rels = node.getRelationships(direction, types)) {
      for (Relationship r : rels) {
        Node other = r.getOtherNode(node);
        if (other.hasLabel(label) && seen.add(other.getId())) {
          out.add(other);
        }
      }
    }
    return out;
  }

  /** An entity's name as answers show it: its id when it has none. */
  /** Adds the import sources a node's {@code sources} property names (a string array, or absent). */
  static void addSources(Object sources, java.util.Set<String> into) {
    if (sources instanceof String[] names) {
      into.addAll(java.util.Arrays.asList(names));
    }
  }

  static Object nameOf(Map<String, Object> props) {
    Object name = props.get("name");
    return name != null ? name : props.get("id");
  }
}
