package io.blastgate.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model's vocabulary as the bundle uses it, read at run time from {@code /graph-model/model.yaml}
 * on the classpath: each label's kinds and properties, and the relationship that each reference field
 * asserts. The Java enums {@link Label} and {@link RelType} name the same things; loading fails when
 * the two disagree, so a change to the model file cannot half-apply.
 */
final class Vocabulary {
  static final String RESOURCE = "/graph-model/model.yaml";

  /** A relationship as a bundle field asserts it: on which label, to which labels (and kinds). */
  record RelSpec(
      RelType type,
      String field,
      Label on,
      Set<Label> to,
      Optional<String> fromKind,
      Optional<String> toKind) {}

  private final Map<Label, List<String>> kinds;
  private final Map<Label, Map<String, Field>> fields;

  private Vocabulary(Map<Label, List<String>> kinds, Map<Label, Map<String, Field>> fields) {
    this.kinds = kinds;
    this.fields = fields;
  }

  private static final class Holder {
    static final Vocabulary INSTANCE = load();
  }

  /** The vocabulary of the model file on the classpath, read once. */
  static Vocabulary get() {
    return Holder.INSTANCE;
  }

  List<String> kinds(Label label) {
    return kinds.get(label);
  }

  /** The fields an entity of this label may carry in a bundle, in the model file's order. */
  Map<String, Field> fields(Label label) {
    return fields.get(label);
  }

  static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no model file on the classpath at " + RESOURCE);
      }
      return from(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Vocabulary from(JsonNode model) {
    Map<Label, List<String>> kinds = new EnumMap<>(Label.class);
    Map<Label, Map<String, Field>> fields = new EnumMap<>(Label.class);
    JsonNode labels = required(model, "labels");
    for (Label label : Label.values()) {
      JsonNode spec = required(labels, label.cypherName());
      List<String> labelKinds = strings(required(spec, "kinds"));
      kinds.put(label, labelKinds);
      Map<String, Field> own = new LinkedHashMap<>();
      own.put("id", new Field.Text("id"));
      own.put("name", new Field.Text("name"));
      own.put("kind", new Field.Choice("kind", label.cypherName().toLowerCase() + " kind", labelKinds));
      spec.path("properties").properties().forEach(p -> own.put(p.getKey(), property(label, p.getKey(), p.getValue())));
      fields.put(label, own);
    }
    List<String> declared = new ArrayList<>();
    required(model, "relationships")
        .properties()
        .forEach(
            r -> {
              RelSpec rel = relationship(r.getKey(), r.getValue());
              declared.add(rel.type().name());
              fields.get(rel.on()).put(rel.field(), new Field.Reference(rel.field(), rel, single(rel.type())));
            });
    for (RelType type : RelType.values()) {
      if (!declared.contains(type.name())) {
        throw new IllegalStateException(RESOURCE + " does not declare relationship " + type.name());
      }
    }
    kinds.replaceAll((l, k) -> List.copyOf(k));
    fields.replaceAll((l, f) -> Collections.unmodifiableMap(f));
    return new Vocabulary(kinds, fields);
  }

  /**
   * The bundle format's one single-valued reference: a credential authenticates as one identity (a
   * credential that acts as two is two credentials). Every other reference field is a list.
   */
  private static boolean single(RelType type) {
    return type == RelType.AUTHENTICATES_AS;
  }

  private static Field property(Label label, String name, JsonNode spec) {
    String type = required(spec, "type").asText();
    List<String> values = spec.has("values") ? strings(spec.get("values")) : List.of();
    return switch (type) {
      case "string" ->
          values.isEmpty()
              ? new Field.Text(name)
              : new Field.Choice(name, label.cypherName().toLowerCase() + " " + name, values);
      case "list<string>" -> new Field.TextList(name);
      case "datetime" -> new Field.Timestamp(name);
      default ->
          throw new IllegalStateException(
              RESOURCE + ": property " + label.cypherName() + "." + name + " has unknown type " + type);
    };
  }

  private static RelSpec relationship(String typeName, JsonNode spec) {
    RelType type;
    try {
      type = RelType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(RESOURCE + " declares " + typeName + ", which RelType lacks", e);
    }
    List<String> from = strings(required(spec, "from"));
    Label on = label(required(spec, "on").asText());
    Set<Label> to = strings(required(spec, "to")).stream().map(Vocabulary::label).collect(Collectors.toUnmodifiableSet());
    String field = required(spec, "bundle_field").asText();
    if (!field.equals(type.bundleField())
        || on != type.from()
        || !from.equals(List.of(on.cypherName()))
        || !to.equals(type.to())) {
      throw new IllegalStateException(RESOURCE + ": " + typeName + " disagrees with RelType." + type.name());
    }
    return new RelSpec(
        type,
        field,
        on,
        to,
        Optional.ofNullable(spec.get("from_kind")).map(JsonNode::asText),
        Optional.ofNullable(spec.get("to_kind")).map(JsonNode::asText));
  }

  private static Label label(String name) {
    return Label.fromCypherName(name)
        .orElseThrow(() -> new IllegalStateException(RESOURCE + " names unknown label " + name));
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalStateException(RESOURCE + " lacks '" + key + "'");
    }
    return value;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }
}
