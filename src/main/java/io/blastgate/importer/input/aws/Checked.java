package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of one file's objects, read with their types checked: a member of the wrong type is an
 * error at {@code file#pointer/member} that says what it should be and what it is; an absent or null
 * member is absent. Only the members the importer maps are read this way (one it does not map is not
 * looked at, so a documented example with an odd unmapped member still imports).
 */
final class Checked {
  private final String shown;
  private final Problems problems;

  Checked(String shown, Problems problems) {
    this.shown = shown;
    this.problems = problems;
  }

  String shown() {
    return shown;
  }

  /** Where {@code pointer} is in this file, for a problem. */
  String at(String pointer) {
    return JsonFile.at(shown, pointer);
  }

  void error(String pointer, String message) {
    problems.error(Problems.TOP, at(pointer), message);
  }

  void warning(String pointer, String message) {
    problems.warning(Problems.TOP, at(pointer), message);
  }

  /** Whether {@code node}, at {@code pointer}, is an object; an error if not. */
  boolean object(JsonNode node, String pointer, String what) {
    if (node.isObject()) {
      return true;
    }
    error(pointer, what + " must be a JSON object, got " + JsonFile.describe(node));
    return false;
  }

  /** Member {@code field} of {@code object} as text, or null when absent (or of the wrong type: reported). */
  String text(JsonNode object, String pointer, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      error(pointer + JsonFile.step(field), "'" + field + "' must be a string, got " + JsonFile.describe(value));
      return null;
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  /** As {@link #text}, but absent is an error too. */
  String required(JsonNode object, String pointer, String field, String why) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      error(pointer + JsonFile.step(field), "required field '" + field + "' is missing: " + why);
      return null;
    }
    String text = text(object, pointer, field);
    if (text == null && value.isTextual()) {
      error(pointer + JsonFile.step(field), "'" + field + "' is empty: " + why);
    }
    return text;
  }

  /** Member {@code field} as an array's elements (empty when absent; an error when not an array). */
  List<JsonNode> array(JsonNode object, String pointer, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      error(pointer + JsonFile.step(field), "'" + field + "' must be an array, got " + JsonFile.describe(value));
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /**
   * A string or an array of strings, as policies write {@code Action} and principals: the strings, or
   * an error at the member (or at the item that is not a string).
   */
  List<String> oneOrMany(JsonNode value, String pointer, String field) {
    if (value.isTextual()) {
      return List.of(value.textValue());
    }
    if (!value.isArray()) {
      error(pointer, "'" + field + "' must be a string or an array of strings, got " + JsonFile.describe(value));
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isTextual()) {
        strings.add(value.get(i).textValue());
      } else {
        error(pointer + "/" + i, "each item of '" + field + "' must be a string, got " + JsonFile.describe(value.get(i)));
      }
    }
    return strings;
  }

  /** How many items an unmapped member holds: an array's size, 1 for an object, 0 when absent. */
  static int count(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    return value.isArray() ? value.size() : 1;
  }
}
