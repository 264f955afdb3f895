package io.blastgate.entities;

import io.blastgate.graph.Graph;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Looks entities up by id and searches them by name or id. */
public final class EntityService {
  /** The most neighbours one look-up lists; a hub (a team owning hundreds) is cut, and says so. */
  public static final int MAX_NEIGHBOURS = 200;

  /** The largest page of search hits. */
  public static final int MAX_LIMIT = 200;

  private final Graph graph;
  private final int maxNeighbours;

  public EntityService(Graph graph) {
    this(graph, MAX_NEIGHBOURS);
  }

  EntityService(Graph graph, int maxNeighbours) {
    this.graph = Objects.requireNonNull(graph, "graph");
    if (maxNeighbours < 1) {
      throw new IllegalArgumentException("maxNeighbours must be positive");
    }
    this.maxNeighbours = maxNeighbours;
  }

  /** The entity with this id, its owners and neighbours, read in one consistent snapshot. */
  public Optional<EntityDetail> lookup(String id) {
    Objects.requireNonNull(id, "id");
    return graph.readTx(
        "entity-lookup",
        tx -> {
          List<Record> found = tx.run(EntityQuery.FIND_ENTITY, Map.of("id", id)).list();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          Entity entity = entity(found.get(0));
          List<OwnerRef> owners =
              tx.run(EntityQuery.FIND_OWNERS, Map.of("id", id))
                  .list(r -> new OwnerRef(text(r, "id"), text(r, "name"), text(r, "kind")));
          List<Neighbour> neighbours =
              tx.run(EntityQuery.FIND_NEIGHBOURS, Map.of("id", id, "limit", maxNeighbours + 1))
                  .list(EntityService::neighbour);
          boolean truncated = neighbours.size() > maxNeighbours;
          return Optional.of(
              new EntityDetail(
                  entity,
                  owners,
                  truncated ? neighbours.subList(0, maxNeighbours) : neighbours,
                  truncated));
        });
  }

  /**
   * Entities whose name or id match {@code text} (each word as a prefix; an exact id first), best
   * first, optionally of one label only.
   */
  public SearchPage search(String text, Optional<Label> label, int limit, int offset) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset at least 0");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("text", text.strip());
    params.put("lucene", LuceneQuery.forText(text));
    params.put("label", label.map(Label::cypherName).orElse(null));
    params.put("offset", offset);
    params.put("limit", limit + 1); // one more than the page, to know whether another page follows
    List<EntityRef> hits = graph.read(EntityQuery.SEARCH_ENTITIES, params, r -> r.list(EntityService::ref));
    boolean more = hits.size() > limit;
    return new SearchPage(
        more ? hits.subList(0, limit) : hits,
        limit,
        offset,
        more ? OptionalInt.of(offset + limit) : OptionalInt.empty());
  }

  private static Entity entity(Record r) {
    Label label = label(r);
    Map<String, Value> props = r.get("props").asMap(v -> v);
    Map<String, Object> declared = new LinkedHashMap<>();
    for (String name : ModelProperties.of(label)) {
      Value value = props.get(name);
      declared.put(name, value == null || value.isNull() ? null : plain(value));
    }
    String id = text(r, "id");
    return new Entity(
        id,
        label,
        text(r, "kind"),
        text(r, "name"),
        declared,
        required(props, "sources", id).asList(Value::asString),
        instant(required(props, "first_seen", id)),
        instant(required(props, "last_seen", id)));
  }

  private static Neighbour neighbour(Record r) {
    Neighbour.Direction direction =
        Neighbour.Direction.valueOf(text(r, "direction").toUpperCase(Locale.ROOT));
    RelType type = RelType.valueOf(text(r, "type"));
    return new Neighbour(direction, type, ref(r));
  }

  private static EntityRef ref(Record r) {
    return new EntityRef(text(r, "id"), label(r), text(r, "kind"), text(r, "name"));
  }

  private static Label label(Record r) {
    String name = text(r, "label");
    return Label.fromCypherName(name)
        .orElseThrow(() -> new IllegalStateException("not a model label: " + name));
  }

  /** A required column; a model node without it is broken data, which must not pass as empty. */
  private static String text(Record r, String key) {
    Value value = r.get(key);
    if (value.isNull()) {
      throw new IllegalStateException("graph row has no " + key);
    }
    return value.asString();
  }

  private static Value required(Map<String, Value> props, String key, String id) {
    Value value = props.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalStateException("entity " + id + " has no provenance property " + key);
    }
    return value;
  }

  /** A property as plain Java: strings and lists as they are, date-times as UTC instants. */
  private static Object plain(Value value) {
    Object object = value.asObject();
    if (object instanceof List<?> list) {
      return list.stream().map(o -> o instanceof TemporalAccessor t ? toInstantOrText(t) : o).toList();
    }
    return object instanceof TemporalAccessor t ? toInstantOrText(t) : object;
  }

  private static Object toInstantOrText(TemporalAccessor t) {
    return switch (t) {
      case ZonedDateTime z -> z.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case Instant i -> i;
      default -> t.toString();
    };
  }

  private static Instant instant(Value value) {
    Object object = value.asObject();
    return switch (object) {
      case ZonedDateTime z -> z.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case String s -> OffsetDateTime.parse(s).toInstant();
      default -> throw new IllegalStateException("not a date-time: " + value.type().name());
    };
  }
}
