package io.blastgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small bundle read whole for assertions: its entities by id, and every problem it has against the
 * rules of {@code importers/bundle/README.md} and the vocabulary of {@code graph-model/model.yaml}. Test sizes only.
 */
final class ScannedBundle {
  private static final Map<Label, Set<String>> FIELDS =
      Map.of(
          Label.IDENTITY, Set.of("id", "name", "kind", "status", "tags", "can_assume"),
          Label.CREDENTIAL,
              Set.of(
                  "id", "name", "kind", "authenticates_as", "status", "created_at", "expires_at",
                  "last_used_at"),
          Label.WORKLOAD,
              Set.of(
                  "id", "name", "kind", "criticality", "environment", "status", "runs_as", "uses",
                  "depends_on"),
          Label.OWNER, Set.of("id", "name", "kind", "email", "oncall", "owns", "member_of"));
  private static final Set<String> TIMES = Set.of("created_at", "expires_at", "last_used_at");

  record Entity(String id, Label label, JsonNode node) {
    String kind() {
      return node.get("kind").asText();
    }

    String text(String field) {
      return node.path(field).asText(null);
    }

    /** The references of a field, whether a single id or a list. */
    List<String> refs(String field) {
      JsonNode v = node.get(field);
      List<String> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      if (v.isArray()) {
        v.forEach(x -> out.add(x.asText()));
      } else {
        out.add(v.asText());
      }
      return out;
    }
  }

  final JsonNode root;
  final Map<String, Entity> entities = new LinkedHashMap<>();
  final List<String> problems = new ArrayList<>();

  private ScannedBundle(JsonNode root) {
    this.root = root;
  }

  static ScannedBundle read(Path bundle) {
    try {
      ScannedBundle b = new ScannedBundle(new ObjectMapper().readTree(bundle.toFile()));
      b.index();
      b.check(model());
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Entity> of(Label label) {
    return entities.values().stream().filter(e -> e.label() == label).toList();
  }

  /** Relationships of one type as (from, to) pairs. */
  List<String[]> edges(RelType type) {
    List<String[]> out = new ArrayList<>();
    for (Entity e : of(type.from())) {
      for (String to : e.refs(type.bundleField())) {
        out.add(new String[] {e.id(), to});
      }
    }
    return out;
  }

  private void index() {
    for (Label label : Label.values()) {
      for (JsonNode node : root.path(label.section())) {
        String id = node.path("id").asText("");
        if (entities.put(id, new Entity(id, label, node)) != null) {
          problems.add("duplicate id " + id);
        }
      }
    }
  }

  private void check(JsonNode model) {
    if (!"blastgate.bundle/v1".equals(root.path("format").asText())) {
      problems.add("format");
    }
    if (!root.path("source").asText("").matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
      problems.add("source");
    }
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("format") && !f.equals("source") && Label.fromSection(f).isEmpty()) {
                problems.add("unknown top-level field " + f);
              }
            });
    for (Entity e : entities.values()) {
      checkEntity(e, model.get("labels").get(e.label().cypherName()));
    }
  }

  private void checkEntity(Entity e, JsonNode declared) {
    String where = e.label().section() + " " + e.id();
    if (e.id().isEmpty() || e.id().length() > 512) {
      problems.add(where + ": bad id");
    }
    Set<String> kinds = new HashSet<>();
    declared.get("kinds").forEach(k -> kinds.add(k.asText()));
    if (!kinds.contains(e.kind())) {
      problems.add(where + ": kind " + e.kind());
    }
    for (Map.Entry<String, JsonNode> field : e.node().properties()) {
      String name = field.getKey();
      if (!FIELDS.get(e.label()).contains(name)) {
        problems.add(where + ": unknown field " + name);
      }
      JsonNode values = declared.get("properties").path(name).get("values");
      if (values != null && !contains(values, field.getValue().asText())) {
        problems.add(where + ": " + name + " " + field.getValue());
      }
      if (TIMES.contains(name)) {
        try {
          OffsetDateTime.parse(field.getValue().asText());
        } catch (DateTimeParseException ex) {
          problems.add(where + ": " + name + " is not RFC 3339");
        }
      }
      RelType.fromBundleField(e.label(), name).ifPresent(type -> checkRefs(e, type, where));
    }
  }

  private void checkRefs(Entity e, RelType type, String where) {
    List<String> refs = e.refs(type.bundleField());
    if (new HashSet<>(refs).size() != refs.size()) {
      problems.add(where + ": duplicate in " + type.bundleField());
    }
    for (String ref : refs) {
      Entity to = entities.get(ref);
      if (to == null || !type.to().contains(to.label())) {
        problems.add(where + ": " + type.bundleField() + " -> " + ref + " resolves to nothing fit");
      } else if (type == RelType.MEMBER_OF
          && (!e.kind().equals("person") || !to.kind().equals("team"))) {
        problems.add(where + ": member_of must go from a person to a team");
      } else if (type == RelType.DEPENDS_ON && ref.equals(e.id())) {
        problems.add(where + ": depends on itself");
      }
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode model() throws IOException {
    try (InputStream in = ScannedBundle.class.getResourceAsStream("/graph-model/model.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  /** Counts per value of a property, for distribution checks. */
  Map<String, Integer> histogram(Label label, String field) {
    Map<String, Integer> out = new HashMap<>();
    for (Entity e : of(label)) {
      out.merge(String.valueOf(e.text(field)), 1, Integer::sum);
    }
    return out;
  }
}
