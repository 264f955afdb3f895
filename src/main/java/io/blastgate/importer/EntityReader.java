package io.blastgate.importer;

import static io.blastgate.importer.input.JsonValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.Suggest;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import io.blastgate.model.file.GraphModel;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one canonical entity (a bundle's JSON object, or what any reader turned its input into)
 * against the model's vocabulary and converts it to what the graph stores. Every problem is reported,
 * with its location; nothing here needs the rest of the input or the graph (references are resolved
 * by {@link BundleIndex}).
 */
final class EntityReader {
  static final int MAX_ID_LENGTH = 512;

  private static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final Pattern WITHOUT_OFFSET =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

  private final Vocabulary vocabulary;

  EntityReader(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Reads the entity at {@code position} of {@code label}'s section; null if it is no object at all. */
  ParsedEntity read(Label label, long position, JsonNode node, Locations where, Problems problems) {
    return new Reading(label, position, where, problems).read(node);
  }

  /** The state of reading one entity, so that each check is a short method. */
  private final class Reading {
    private final Label label;
    private final long position;
    private final Locations where;
    private final Problems problems;
    private final long order;

    Reading(Label label, long position, Locations where, Problems problems) {
      this.label = label;
      this.position = position;
      this.where = where;
      this.problems = problems;
      this.order = where.order(label, position);
    }

    ParsedEntity read(JsonNode node) {
      if (!node.isObject()) {
        error(null, -1, "each item of '" + label.section() + "' must be an object, got " + describe(node));
        return null;
      }
      Map<String, Field> allowed = vocabulary.fields(label);
      node.fieldNames()
          .forEachRemaining(
              name -> {
                if (!allowed.containsKey(name)) {
                  error(name, -1, "unknown field '" + name + "'" + Suggest.hint(name, allowed.keySet()));
                }
              });
      String id = id(node.get("id"));
      Field.Choice kindField = (Field.Choice) allowed.get("kind");
      String kind = present(node.get("kind")) ? choice(kindField, node.get("kind")) : missing("kind");
      Map<String, Object> props = new LinkedHashMap<>();
      List<ParsedEntity.Ref> refs = new ArrayList<>();
      if (kind != null) {
        props.put("kind", kind);
      }
      for (Field field : allowed.values()) {
        JsonNode value = node.get(field.name());
        if (!present(value) || field.name().equals("id") || field.name().equals("kind")) {
          continue;
        }
        switch (field) {
          case Field.Text t -> putIfValid(props, t.name(), text(t.name(), value));
          case Field.Choice c -> putIfValid(props, c.name(), choice(c, value));
          case Field.TextList l -> putIfValid(props, l.name(), textList(l.name(), value));
          case Field.Timestamp t -> putIfValid(props, t.name(), timestamp(t.name(), value));
          case Field.Reference r -> references(r, value, id, kind, refs);
        }
      }
      return new ParsedEntity(label, position, id, kind, props, refs);
    }

    private String id(JsonNode value) {
      if (!present(value)) {
        return missing("id");
      }
      String id = text("id", value);
      if (id == null) {
        return null;
      }
      if (id.length() > MAX_ID_LENGTH) {
        error("id", -1, "'id' is " + id.length() + " characters long; at most " + MAX_ID_LENGTH + " are allowed");
        return null;
      }
      for (int i = 0; i < id.length(); i++) {
        if (Character.isISOControl(id.charAt(i))) {
          error("id", -1, String.format(Locale.ROOT,
              "'id' contains a control character (U+%04X) at position %d", (int) id.charAt(i), i + 1));
          return null;
        }
      }
      return id;
    }

    private String missing(String field) {
      error(field, -1, "required field '" + field + "' is missing");
      return null;
    }

    private String text(String field, JsonNode value) {
      if (!value.isTextual()) {
        error(field, -1, "'" + field + "' must be a string, got " + describe(value));
        return null;
      }
      if (value.asText().isEmpty()) {
        error(field, -1, "'" + field + "' must not be empty (leave it out instead)");
        return null;
      }
      return value.asText();
    }

    private String choice(Field.Choice field, JsonNode value) {
      String text = text(field.name(), value);
      if (text == null) {
        return null;
      }
      int found = field.values().indexOf(text);
      if (found >= 0) {
        return field.values().get(found); // the vocabulary's own instance: many entities share it
      }
      String optional = field.name().equals("kind") ? "" : "; or leave it out";
      error(field.name(), -1, "unknown " + field.noun() + " '" + text + "'"
          + Suggest.hint(text, field.values())
          + " (expected one of: " + String.join(", ", field.values()) + optional + ")");
      return null;
    }

    private List<String> textList(String field, JsonNode value) {
      List<String> distinct = new ArrayList<>();
      return items(field, value, (item, i) -> distinct.add(item)) ? distinct : null;
    }

    /**
     * Walks a list field in order: reports an item that is no non-empty string, warns about an item
     * given twice, and hands each first occurrence to {@code each}. False if any item (or the list) is wrong.
     */
    private boolean items(String field, JsonNode value, java.util.function.ObjIntConsumer<String> each) {
      if (!value.isArray()) {
        error(field, -1, "'" + field + "' must be an array of strings, got " + describe(value));
        return false;
      }
      boolean ok = true;
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isTextual() || item.asText().isEmpty()) {
          error(field, i, "every item of '" + field + "' must be a non-empty string, got "
              + (item.isTextual() ? "an empty string" : describe(item)));
          ok = false;
          continue;
        }
        if (!seen.add(item.asText())) {
          duplicateItem(field, item.asText(), i);
        } else {
          each.accept(item.asText(), i);
        }
      }
      return ok;
    }

    /** Warned at the repeated item; the message names the item, since a CSV cell holds them all. */
    private void duplicateItem(String field, String item, int again) {
      problems.warning(order, where.of(label, position, field, again),
          "'" + field + "' lists '" + item + "' more than once; it is written once");
    }

    private OffsetDateTime timestamp(String field, JsonNode value) {
      String text = text(field, value);
      if (text == null) {
        return null;
      }
      if (RFC_3339.matcher(text).matches()) {
        try {
          return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
          error(field, -1, "'" + field + "': '" + text + "' is not a real date and time (" + why + ")");
          return null;
        }
      }
      if (WITHOUT_OFFSET.matcher(text).matches()) {
        error(field, -1, "'" + field + "': '" + text
            + "' is not RFC 3339: the offset (Z or +hh:mm) is missing, e.g. " + text + "Z");
      } else {
        error(field, -1, "'" + field + "': '" + text
            + "' is not an RFC 3339 timestamp (write it like 2026-01-04T09:00:00Z)");
      }
      return null;
    }

    private void references(Field.Reference field, JsonNode value, String id, String kind, List<ParsedEntity.Ref> refs) {
      GraphModel.Relationship rel = field.rel();
      if (rel.fromKind().isPresent() && kind != null && !rel.fromKind().get().equals(kind)) {
        error(field.name(), -1, "only " + label.cypherName().toLowerCase() + "s of kind "
            + rel.fromKind().get() + " may have '" + field.name() + "'; this one is a " + kind);
        return;
      }
      if (field.single()) {
        String target = text(field.name(), value);
        if (target != null) {
          reference(rel, target, -1, id, refs);
        }
        return;
      }
      items(field.name(), value, (target, i) -> reference(rel, target, i, id, refs));
    }

    private void reference(GraphModel.Relationship rel, String target, int item, String id, List<ParsedEntity.Ref> refs) {
      if (rel.type() == RelType.DEPENDS_ON && target.equals(id)) {
        error(rel.bundleField(), item, "'" + id + "' cannot depend on itself; remove it from '" + rel.bundleField() + "'");
        return;
      }
      refs.add(new ParsedEntity.Ref(rel, target, item));
    }

    private void error(String field, int item, String message) {
      problems.error(order, where.of(label, position, field, item), message);
    }
  }

  private static <T> void putIfValid(Map<String, Object> props, String name, T value) {
    if (value != null) {
      props.put(name, value);
    }
  }

  /** A JSON {@code null} means the same as leaving an optional field out. */
  private static boolean present(JsonNode value) {
    return value != null && !value.isNull();
  }

  static String withArticle(Label label) {
    return (label == Label.IDENTITY || label == Label.OWNER ? "an " : "a ") + label.cypherName();
  }
}
