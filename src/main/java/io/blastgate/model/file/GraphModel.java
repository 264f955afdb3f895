package io.blastgate.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import io.blastgate.model.Traversal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph model as {@code graph-model/model.yaml} declares it, read from the classpath once: the one
 * place that reads the model file. Each label's kinds and properties, each relationship's ends and
 * bundle field, and the named traversal sets. Loading checks the file against the Java enums ({@link
 * Label}, {@link RelType}, {@link Traversal}) and fails when they disagree, so that a change to the
 * model file cannot half-apply.
 */
public final class GraphModel {
  public static final String RESOURCE = "/graph-model/model.yaml";

  /** A property a label declares: its name, its type ({@code string}, {@code list<string>}, {@code datetime}) and, for a closed set, its values. */
  public record Property(String name, String type, List<String> values) {
    public Property {
      values = List.copyOf(values);
    }
  }

  /**
   * A relationship type as declared: on which label a bundle states it (and in which field), the
   * labels it joins, and the kinds its ends must have, if any.
   */
  public record Relationship(
      RelType type,
      String bundleField,
      Label on,
      Set<Label> to,
      Optional<String> fromKind,
      Optional<String> toKind) {
    public Relationship {
      to = Collections.unmodifiableSet(EnumSet.copyOf(to));
    }
  }

  private static final class Holder {
    static final GraphModel INSTANCE = load();
  }

  private final Map<Label, List<String>> kinds;
  private final Map<Label, List<Property>> properties;
  private final Map<RelType, Relationship> relationships;
  private final Map<Traversal, Set<RelType>> traversals;

  private GraphModel(
      Map<Label, List<String>> kinds,
      Map<Label, List<Property>> properties,
      Map<RelType, Relationship> relationships,
      Map<Traversal, Set<RelType>> traversals) {
    this.kinds = kinds;
    this.properties = properties;
    this.relationships = relationships;
    this.traversals = traversals;
  }

  /** The model of the file on the classpath. */
  public static GraphModel get() {
    return Holder.INSTANCE;
  }

  public List<String> kinds(Label label) {
    return kinds.get(label);
  }

  /** The properties a label declares besides the common ones, in the file's order. */
  public List<Property> properties(Label label) {
    return properties.get(label);
  }

  /** Every relationship type, in the file's order. */
  public List<Relationship> relationships() {
    return List.copyOf(relationships.values());
  }

  public Relationship relationship(RelType type) {
    return relationships.get(type);
  }

  /** The relationship types a named traversal follows, as the file declares them. */
  public Set<RelType> traversal(Traversal traversal) {
    return traversals.get(traversal);
  }

  static GraphModel load() {
    try (InputStream in = GraphModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no model file on the classpath at " + RESOURCE);
      }
      return from(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The model of a parsed model file; throws when it disagrees with the Java enums. */
  public static GraphModel from(JsonNode model) {
    Map<Label, List<String>> kinds = new EnumMap<>(Label.class);
    Map<Label, List<Property>> properties = new EnumMap<>(Label.class);
    JsonNode labels = required(model, "labels");
    for (Label label : Label.values()) {
      JsonNode spec = required(labels, label.cypherName());
      kinds.put(label, strings(required(spec, "kinds")));
      List<Property> own = new ArrayList<>();
      spec.path("properties")
          .properties()
          .forEach(
              p ->
                  own.add(
                      new Property(
                          p.getKey(),
                          required(p.getValue(), "type").asText(),
                          p.getValue().has("values") ? strings(p.getValue().get("values")) : List.of())));
      properties.put(label, List.copyOf(own));
    }
    Map<RelType, Relationship> relationships = new LinkedHashMap<>();
    required(model, "relationships")
        .properties()
        .forEach(r -> relationships.put(enumOf(RelType.class, r.getKey()), relationship(r.getKey(), r.getValue())));
    for (RelType type : RelType.values()) {
      if (!relationships.containsKey(type)) {
        throw new IllegalStateException(RESOURCE + " does not declare relationship " + type.name());
      }
    }
    Map<Traversal, Set<RelType>> traversals = new EnumMap<>(Traversal.class);
    required(model, "traversals")
        .properties()
        .forEach(
            t -> {
              Traversal traversal =
                  Traversal.fromModelName(t.getKey())
                      .orElseThrow(() -> new IllegalStateException(RESOURCE + " declares traversal " + t.getKey() + ", which Traversal lacks"));
              Set<RelType> types = EnumSet.noneOf(RelType.class);
              strings(t.getValue()).forEach(name -> types.add(enumOf(RelType.class, name)));
              if (!types.equals(traversal.types())) {
                throw new IllegalStateException(RESOURCE + ": traversal " + t.getKey() + " disagrees with Traversal." + traversal.name());
              }
              traversals.put(traversal, Collections.unmodifiableSet(types));
            });
    for (Traversal traversal : Traversal.values()) {
      if (!traversals.containsKey(traversal)) {
        throw new IllegalStateException(RESOURCE + " does not declare traversal " + traversal.modelName());
      }
    }
    return new GraphModel(
        Collections.unmodifiableMap(kinds),
        Collections.unmodifiableMap(properties),
        Collections.unmodifiableMap(relationships),
        Collections.unmodifiableMap(traversals));
  }

  private static Relationship relationship(String typeName, JsonNode spec) {
    RelType type = enumOf(RelType.class, typeName);
    List<String> from = strings(required(spec, "from"));
    Label on = label(required(spec, "on").asText());
    Set<Label> to = EnumSet.noneOf(Label.class);
    strings(required(spec, "to")).forEach(name -> to.add(label(name)));
    String field = required(spec, "bundle_field").asText();
    if (!field.equals(type.bundleField())
        || on != type.from()
        || !from.equals(List.of(on.cypherName()))
        || !to.equals(type.to())) {
      throw new IllegalStateException(RESOURCE + ": " + typeName + " disagrees with RelType." + type.name());
    }
    return new Relationship(
        type,
        field,
        on,
        to,
        Optional.ofNullable(spec.get("from_kind")).map(JsonNode::asText),
        Optional.ofNullable(spec.get("to_kind")).map(JsonNode::asText));
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(RESOURCE + " declares " + name + ", which " + type.getSimpleName() + " lacks", e);
    }
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
