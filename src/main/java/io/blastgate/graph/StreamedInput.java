package io.blastgate.graph;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Group;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.internal.batchimport.input.Groups;

/**
 * A {@link BulkInput} as Neo4j's batch importer reads it. Each pass the importer asks for (over the
 * nodes, over the relationships) runs on a thread of its own that streams the input into chunks of
 * {@link #CHUNK} entities; the importer's threads take them from a short queue, so the input is read
 * once per pass and never held whole. A failing pass fails the importer at its next chunk; an importer
 * that stops early stops the pass.
 */
final class StreamedInput {
  static final int CHUNK = 4_096;
  private static final int QUEUED_CHUNKS = 8;
  /** Rough sizes for the importer's estimates of memory; they bound nothing. */
  private static final long PROPERTIES_PER_NODE = 12;
  private static final long PROPERTIES_PER_RELATIONSHIP = 5;
  private static final long BYTES_PER_PROPERTY = 24;

  private StreamedInput() {}

  static Input of(BulkInput input) {
    // The id spaces exist before the importer looks at them; the map is read-only afterwards.
    Groups groups = new Groups();
    Map<String, Group> spaces = new HashMap<>();
    input.idSpaces().forEach(space -> spaces.put(space, groups.getOrCreate(space)));
    InputIterable nodes = () -> new Pass<BulkInput.Node>("nodes", input::nodes,
        (node, visitor) -> visitNode(node, visitor, space(spaces, node.idSpace())));
    InputIterable relationships = () -> new Pass<BulkInput.Relationship>("relationships", input::relationships,
        (rel, visitor) -> visitRelationship(rel, visitor, space(spaces, rel.idSpace())));
    long nodeProperties = input.nodeCount() * PROPERTIES_PER_NODE;
    long relationshipProperties = input.relationshipCount() * PROPERTIES_PER_RELATIONSHIP;
    return Input.input(nodes, relationships, IdType.STRING,
        Input.knownEstimates(input.nodeCount(), input.relationshipCount(), nodeProperties, relationshipProperties,
            nodeProperties * BYTES_PER_PROPERTY, relationshipProperties * BYTES_PER_PROPERTY, input.nodeCount() * 2),
        groups, false);
  }

  private static Group space(Map<String, Group> spaces, String name) {
    Group space = spaces.get(name);
    if (space == null) {
      throw new IllegalArgumentException("id space " + name + " is not among the input's " + spaces.keySet());
    }
    return space;
  }

  private static void visitNode(BulkInput.Node node, InputEntityVisitor visitor, Group space) throws IOException {
    visitor.id(node.id(), space);
    visitor.labels(node.labels().toArray(String[]::new));
    properties(node.properties(), visitor);
    visitor.endOfEntity();
  }

  private static void visitRelationship(BulkInput.Relationship rel, InputEntityVisitor visitor, Group space)
      throws IOException {
    visitor.startId(rel.from(), space);
    visitor.endId(rel.to(), space);
    visitor.type(rel.type());
    properties(rel.properties(), visitor);
    visitor.endOfEntity();
  }

  private static void properties(Map<String, Object> properties, InputEntityVisitor visitor) {
    properties.forEach((key, value) -> visitor.property(key, storable(key, value), false));
  }

  /** A value as Neo4j stores it: lists become arrays; the rest Neo4j takes as it is. */
  private static Object storable(String key, Object value) {
    return switch (value) {
      case String s -> s;
      case Long n -> n;
      case Boolean b -> b;
      case OffsetDateTime t -> t;
      case List<?> list -> list.stream().map(item -> (String) item).toArray(String[]::new);
      default -> throw new IllegalArgumentException("property " + key + " holds a "
          + value.getClass().getSimpleName() + ", which a bulk load does not store");
    };
  }

  /** Writes one entity to the importer's visitor. */
  @FunctionalInterface
  private interface Visiting<T> {
    void visit(T item, InputEntityVisitor visitor) throws IOException;
  }

  /** Thrown inside the reading thread when the importer has stopped asking. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the importer stopped reading", null, false, false);
    }
  }

  /** The end of a pass, or its failure, as the reading thread queues it. */
  private record End(Throwable failure) {}

  /** One pass over the input: a reading thread that queues chunks, and the importer's threads taking them. */
  private static final class Pass<T> implements InputIterator {
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final Visiting<T> visiting;
    private volatile boolean closed;

    Pass(String name, Consumer<Consumer<T>> stream, Visiting<T> visiting) {
      this.visiting = visiting;
      Thread.ofPlatform().daemon().name("bulk-load-" + name).start(() -> read(stream));
    }

    private void read(Consumer<Consumer<T>> stream) {
      List<T> chunk = new ArrayList<>(CHUNK);
      try {
        stream.accept(item -> {
          chunk.add(item);
          if (chunk.size() == CHUNK) {
            queue(List.copyOf(chunk));
            chunk.clear();
          }
        });
        queue(List.copyOf(chunk));
        queue(new End(null));
      } catch (Stopped e) {
        // The importer closed this pass: nobody is waiting for more.
      } catch (RuntimeException | Error e) {
        try {
          queue(new End(e));
        } catch (Stopped stopped) {
          // Closed meanwhile: the failure has nobody left to tell.
        }
      }
    }

    private void queue(Object item) {
      try {
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          if (closed) {
            throw new Stopped();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped();
      }
    }

    @Override
    public InputChunk newChunk() {
      return new Chunk<>(visiting);
    }

    @SuppressWarnings("unchecked")
    @Override
    public boolean next(InputChunk chunk) throws IOException {
      Object taken;
      try {
        taken = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the input", e);
      }
      if (taken instanceof End end) {
        queue.offer(end); // for the importer's other threads, each of which stops here too
        if (end.failure() != null) {
          throw new IOException("reading the input failed: " + end.failure().getMessage(), end.failure());
        }
        return false;
      }
      ((Chunk<T>) chunk).items = ((List<T>) taken).iterator();
      return true;
    }

    @Override
    public void close() {
      closed = true;
      queue.clear();
    }
  }

  /** The entities of one chunk, handed to the importer one at a time. */
  private static final class Chunk<T> implements InputChunk {
    private final Visiting<T> visiting;
    private Iterator<T> items;

    Chunk(Visiting<T> visiting) {
      this.visiting = visiting;
    }

    @Override
    public boolean next(InputEntityVisitor visitor) throws IOException {
      if (items == null || !items.hasNext()) {
        return false;
      }
      visiting.visit(items.next(), visitor);
      return true;
    }

    @Override
    public void close() {}
  }
}
