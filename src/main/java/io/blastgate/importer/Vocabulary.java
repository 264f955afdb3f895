package io.blastgate.importer;

import io.blastgate.importer.input.CanonicalShape;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import io.blastgate.model.file.GraphModel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model's vocabulary as the canonical bundle uses it: each label's kinds and the fields an entity
 * may carry, with what each holds, and the relationship that each reference field asserts. Built from
 * {@link GraphModel}, the one reader of {@code graph-model/model.yaml}, which already fails when the
 * file and the Java enums disagree, so that a change to the model file cannot half-apply. It is also
 * the {@link CanonicalShape} that readers are handed.
 */
final class Vocabulary implements CanonicalShape {
  private final Map<Label, List<String>> kinds;
  private final Map<Label, Map<String, Field>> fields;

  private Vocabulary(Map<Label, List<String>> kinds, Map<Label, Map<String, Field>> fields) {
    this.kinds = kinds;
    this.fields = fields;
  }

  private static final class Holder {
    static final Vocabulary INSTANCE = from(GraphModel.get());
  }

  /** The vocabulary of the model file on the classpath, built once. */
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

  @Override
  public Set<String> fieldNames(Label label) {
    return fields.get(label).keySet();
  }

  @Override
  public boolean holdsList(Label label, String field) {
    return fields.get(label).get(field).listValued();
  }

  static Vocabulary from(GraphModel model) {
    Map<Label, List<String>> kinds = new EnumMap<>(Label.class);
    Map<Label, Map<String, Field>> fields = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      List<String> labelKinds = model.kinds(label);
      kinds.put(label, labelKinds);
      Map<String, Field> own = new LinkedHashMap<>();
      own.put("id", new Field.Text("id"));
      own.put("name", new Field.Text("name"));
      own.put("kind", new Field.Choice("kind", label.cypherName().toLowerCase() + " kind", labelKinds));
      model.properties(label).forEach(p -> own.put(p.name(), property(label, p)));
      fields.put(label, own);
    }
    for (GraphModel.Relationship rel : model.relationships()) {
      fields.get(rel.on()).put(rel.bundleField(), new Field.Reference(rel.bundleField(), rel, single(rel.type())));
    }
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

  private static Field property(Label label, GraphModel.Property property) {
    String name = property.name();
    return switch (property.type()) {
      case "string" ->
          property.values().isEmpty()
              ? new Field.Text(name)
              : new Field.Choice(name, label.cypherName().toLowerCase() + " " + name, property.values());
      case "list<string>" -> new Field.TextList(name);
      case "datetime" -> new Field.Timestamp(name);
      default ->
          throw new IllegalStateException(GraphModel.RESOURCE + ": property " + label.cypherName() + "."
              + name + " has unknown type " + property.type());
    };
  }
}
