package io.blastgate.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a bulk load writes into an empty database ({@link BulkLoad}), in plain Java: its nodes, then
 * the relationships between them. Each is streamed in full whenever the loader asks, which may be
 * more than once, so an input is read again rather than held. Property values are strings, longs,
 * booleans, {@link OffsetDateTime}s (stored as Neo4j DATETIMEs with their offset, as the driver stores
 * them) and lists of strings.
 */
public interface BulkInput {
  /** The id spaces its nodes' ids belong to (an id names one node within its space). */
  List<String> idSpaces();

  /** How many nodes {@link #nodes} streams: the loader sizes its work by it. */
  long nodeCount();

  /** How many relationships {@link #relationships} streams. */
  long relationshipCount();

  /** Hands every node to {@code each}, in one pass. */
  void nodes(Consumer<Node> each);

  /** Hands every relationship to {@code each}, in one pass; both its ends are nodes of {@link #nodes}. */
  void relationships(Consumer<Relationship> each);

  /**
   * One node: {@code id} names it within {@code idSpace} (relationships refer to it so; it is not
   * stored unless a property says so), with its labels and properties.
   */
  record Node(String idSpace, String id, List<String> labels, Map<String, Object> properties) {
    public Node {
      Objects.requireNonNull(idSpace, "idSpace");
      Objects.requireNonNull(id, "id");
      labels = List.copyOf(labels);
      properties = Map.copyOf(properties);
      if (labels.isEmpty()) {
        throw new IllegalArgumentException("node " + id + " has no label");
      }
    }
  }

  /** One relationship of {@code type}, from the node {@code from} to the node {@code to}, both of {@code idSpace}. */
  record Relationship(String idSpace, String from, String type, String to, Map<String, Object> properties) {
    public Relationship {
      Objects.requireNonNull(idSpace, "idSpace");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(to, "to");
      properties = Map.copyOf(properties);
    }
  }
}
