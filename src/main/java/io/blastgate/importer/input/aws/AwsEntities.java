package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The canonical entities one AWS input asserts, collected from all its files before any is handed on:
 * an id may be met several times (a user in the authorization details and in the credential report,
 * an external account trusted by ten roles), and is one entity, merged. An entity that the input only
 * refers to (a role a Lambda function runs as that the export does not list, another account, an
 * owner named by a tag) is a <em>stub</em>: the input asserts it with its label, kind and name only,
 * since the write path refuses a reference to an id that exists nowhere; an entity the input lists
 * itself takes precedence over a stub of the same id.
 */
final class AwsEntities {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One entity being collected. Fields are in the canonical bundle's names. */
  static final class Entity {
    final Label label;
    final String id;
    String kind;
    String name;
    String location;
    boolean stub;
    /** IAM users: their kind depends on whether the credential report shows a console password. */
    boolean user;
    boolean consolePassword;
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, Set<String>> lists = new LinkedHashMap<>();

    Entity(Label label, String id) {
      this.label = label;
      this.id = id;
    }

    void add(String field, String value) {
      lists.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(value);
    }

    void set(String field, String value) {
      if (value != null) {
        values.put(field, value);
      }
    }
  }

  private final Map<String, Entity> byId = new LinkedHashMap<>();
  private final Map<String, Integer> unmapped = new LinkedHashMap<>();
  private final Problems problems;
  private final List<String> locations = new ArrayList<>();

  AwsEntities(Problems problems) {
    this.problems = problems;
  }

  /** An entity the input lists itself, at {@code location}; merged with any earlier mention of its id. */
  Entity listed(Label label, String id, String kind, String name, String location) {
    Entity e = byId.get(id);
    if (e == null) {
      e = put(label, id, kind, name, location);
    } else if (clash(e, label, location)) {
      return new Entity(label, id); // reported; collected nowhere
    } else if (e.stub) {
      e.kind = kind;
      e.name = name != null ? name : e.name;
      e.location = location;
    } else if (e.name == null) {
      e.name = name;
    }
    e.stub = false;
    return e;
  }

  /** An entity the input refers to and may not list: asserted with label, kind and name only, unless listed. */
  Entity stub(Label label, String id, String kind, String name, String location) {
    Entity e = byId.get(id);
    if (e == null) {
      e = put(label, id, kind, name, location);
      e.stub = true;
    } else if (clash(e, label, location)) {
      return new Entity(label, id);
    }
    return e;
  }

  Entity get(String id) {
    return byId.get(id);
  }

  Iterable<Entity> all() {
    return byId.values();
  }

  private Entity put(Label label, String id, String kind, String name, String location) {
    Entity e = new Entity(label, id);
    e.kind = kind;
    e.name = name;
    e.location = location;
    byId.put(id, e);
    return e;
  }

  private boolean clash(Entity e, Label label, String location) {
    if (e.label == label) {
      return false;
    }
    problems.error(Problems.TOP, location, "'" + e.id + "' would be " + article(label) + " here but is "
        + article(e.label) + " at " + e.location + "; an id names one entity");
    return true;
  }

  private static String article(Label label) {
    String name = label.name().charAt(0) + label.name().substring(1).toLowerCase(Locale.ROOT);
    return (name.startsWith("I") || name.startsWith("O") ? "an " : "a ") + name;
  }

  /** Counts {@code n} things at {@code location} that the model has no place for; one warning each at the end. */
  void unmapped(String location, String what, int n) {
    if (n > 0) {
      unmapped.merge(location + "\u0000" + what, n, Integer::sum);
    }
  }

  /** Reports the counts of what was not mapped, one warning per kind of thing and place. */
  void reportUnmapped() {
    unmapped.forEach((key, n) -> {
      int cut = key.indexOf('\u0000');
      problems.warning(Problems.TOP, key.substring(0, cut), n + " " + key.substring(cut + 1));
    });
  }

  /** Where each entity handed on stands, by its position. */
  List<String> locations() {
    return locations;
  }

  /** Hands every entity on, in the order first met; its position is its index in {@link #locations()}. */
  void emit(SourceInput.Visitor visitor) {
    locations.clear();
    for (Entity e : byId.values()) {
      ObjectNode fields = NODES.objectNode().put("id", e.id);
      if (e.name != null) {
        fields.put("name", e.name);
      }
      String kind = e.user ? (e.consolePassword ? "human" : "service_account") : e.kind;
      fields.put("kind", kind);
      e.values.forEach(fields::put);
      e.lists.forEach((field, items) -> {
        if (!items.isEmpty()) {
          var array = fields.putArray(field);
          items.forEach(array::add);
        }
      });
      locations.add(e.location);
      visitor.entity(e.label, locations.size() - 1, fields);
    }
  }
}
