package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.model.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical entities a source format's objects come to, gathered by id before they are handed on,
 * with the place in the input each entity and each of its references came from. A format whose objects
 * refer to one entity from many places (a Secret named by ten Deployments, a team by twenty labels)
 * asserts it once here, as the canonical shape requires; its position is its index in the order the
 * entities were first met, and {@link #of} gives back the place of the object, of a field or of one
 * reference, for the problems the importer finds in them.
 */
final class PlacedEntities implements Locations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final class Placed {
    final Label label;
    final ObjectNode fields;
    final String place;
    final Map<String, String> fieldPlaces = new HashMap<>();
    final Map<String, List<String>> itemPlaces = new HashMap<>();

    Placed(Label label, ObjectNode fields, String place) {
      this.label = label;
      this.fields = fields;
      this.place = place;
    }
  }

  private final Map<String, Placed> byId = new LinkedHashMap<>();
  private final List<Placed> inOrder = new ArrayList<>();
  private final Problems problems;

  PlacedEntities(Problems problems) {
    this.problems = problems;
  }

  /**
   * Asserts the entity {@code id} of {@code label} and {@code kind}, met at {@code place}: a new one, or
   * the one already asserted (its kind then stays, unless {@code kindWins}: the object itself, say, after
   * a reference that could only guess it). Returns false, with an error, when the id already names an
   * entity of another label.
   */
  boolean assertEntity(Label label, String id, String kind, String place, boolean kindWins) {
    Placed known = byId.get(id);
    if (known == null) {
      Placed placed = new Placed(label, NODES.objectNode().put("id", id).put("kind", kind), place);
      byId.put(id, placed);
      inOrder.add(placed);
      return true;
    }
    if (known.label != label) {
      problems.error(Problems.TOP, place, "'" + id + "' would be a " + label.cypherName() + " here and is a "
          + known.label.cypherName() + " at " + known.place + "; an id names one entity");
      return false;
    }
    if (kindWins) {
      known.fields.put("kind", kind);
    }
    return true;
  }

  boolean has(String id) {
    return byId.containsKey(id);
  }

  /** Sets a one-value field of an asserted entity, from {@code place}. */
  void set(String id, String field, String value, String place) {
    Placed placed = byId.get(id);
    if (placed != null && value != null) {
      placed.fields.put(field, value);
      placed.fieldPlaces.put(field, place);
    }
  }

  /** Adds {@code item} to the list field {@code field} of an asserted entity, once, from {@code place}. */
  void add(String id, String field, String item, String place) {
    Placed placed = byId.get(id);
    if (placed == null || item == null) {
      return;
    }
    ArrayNode list = placed.fields.has(field) ? (ArrayNode) placed.fields.get(field) : placed.fields.putArray(field);
    for (var existing : list) {
      if (existing.asText().equals(item)) {
        return;
      }
    }
    list.add(item);
    placed.itemPlaces.computeIfAbsent(field, f -> new ArrayList<>()).add(place);
  }

  /** The list field of an asserted entity, or an empty list. */
  List<String> list(String id, String field) {
    Placed placed = byId.get(id);
    List<String> out = new ArrayList<>();
    if (placed != null && placed.fields.has(field)) {
      placed.fields.get(field).forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  int size() {
    return inOrder.size();
  }

  /** Hands every entity on, in the order first met. */
  void emit(SourceInput.Visitor visitor) {
    for (int i = 0; i < inOrder.size(); i++) {
      Placed placed = inOrder.get(i);
      visitor.entity(placed.label, i, placed.fields);
    }
  }

  @Override
  public String of(Label label, long position, String field, int item) {
    if (position < 0 || position >= inOrder.size()) {
      return "";
    }
    Placed placed = inOrder.get((int) position);
    if (field == null) {
      return placed.place;
    }
    List<String> items = placed.itemPlaces.get(field);
    if (items != null && !items.isEmpty()) {
      return items.get(item >= 0 && item < items.size() ? item : 0);
    }
    return placed.fieldPlaces.getOrDefault(field, placed.place);
  }

  @Override
  public long order(Label label, long position) {
    return Problems.order(1, position);
  }
}
