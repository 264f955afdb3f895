package io.blastgate.entities;

import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.model.Containment;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.OwnerRef;
import io.blastgate.model.RelType;
import io.blastgate.model.file.GraphModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
          List<Row> found = tx.run(EntityQuery.FIND_ENTITY, Map.of("id", id)).list();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          Entity entity = entity(found.get(0));
          List<OwnerRef> owners =
              tx.run(EntityQuery.FIND_OWNERS, Map.of("id", id))
                  .list(r -> new OwnerRef(r.text("id"), r.text("name"), r.text("kind")));
          List<Neighbour> neighbours =
              tx.run(EntityQuery.FIND_NEIGHBOURS, Map.of("id", id, "limit", maxNeighbours + 1))
                  .list(EntityService::neighbour);
          boolean truncated = neighbours.size() > maxNeighbours;
          return Optional.of(
              new EntityDetail(
                  entity,
                  containment(found.get(0).map("props")),
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

  /** What the gate already did to the entity: the properties apply-containment.cypher writes. */
  private static Containment containment(Map<String, Object> props) {
    return Containment.of(props.get("containment"), props.get("contained_by"), props.get("contained_at"),
        props.get("contained_until"));
  }

  private static Entity entity(Row r) {
    Label label = label(r);
    Map<String, Object> props = r.map("props");
    Map<String, Object> declared = new LinkedHashMap<>();
    for (GraphModel.Property property : GraphModel.get().properties(label)) {
      declared.put(property.name(), props.get(property.name()));
    }
    String id = r.text("id");
    Row provenance = r.row("props");
    return new Entity(
        id,
        label,
        r.text("kind"),
        r.text("name"),
        declared,
        provenance.texts("sources"),
        required(provenance.instantOrNull("first_seen"), "first_seen", id),
        required(r.instantOrNull("last_seen"), "last_seen", id),
        required(provenance.instantOrNull("last_changed"), "last_changed", id));
  }

  private static Neighbour neighbour(Row r) {
    Neighbour.Direction direction =
        Neighbour.Direction.valueOf(r.text("direction").toUpperCase(Locale.ROOT));
    RelType type = RelType.valueOf(r.text("type"));
    return new Neighbour(direction, type, ref(r));
  }

  private static EntityRef ref(Row r) {
    return new EntityRef(r.text("id"), label(r), r.text("kind"), r.text("name"));
  }

  private static Label label(Row r) {
    String name = r.text("label");
    return Label.fromCypherName(name)
        .orElseThrow(() -> new IllegalStateException("not a model label: " + name));
  }

  /** A provenance property; a model node without it is broken data, which must not pass as empty. */
  private static Instant required(Instant value, String key, String id) {
    if (value == null) {
      throw new IllegalStateException("entity " + id + " has no provenance property " + key);
    }
    return value;
  }
}
