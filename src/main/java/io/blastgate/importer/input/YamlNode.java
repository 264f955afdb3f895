package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a YAML document with where it stands (file, document, JSON pointer, line), read field by
 * field with its type checked: a value of the wrong type is an error at its place, named in the
 * format's words ({@code 'serviceAccountName' must be a string, got a list}), and reads as absent.
 *
 * @param file the file as the input names it (its path inside the input folder)
 */
record YamlNode(String file, YamlDocuments.Document document, String pointer, JsonNode value, Problems problems) {

  /** The root of a document. */
  static YamlNode root(String file, YamlDocuments.Document document, Problems problems) {
    return new YamlNode(file, document, "", document.root(), problems);
  }

  /** Where this node stands, as a problem's location: {@code deploy.yaml:47, document 2, /spec/replicas}. */
  String place() {
    return placeOf(pointer);
  }

  String placeOf(String at) {
    return YamlNode.at(file, document.lineOf(at)) + ", document " + document.index() + ", " + (at.isEmpty() ? "/" : at);
  }

  /** {@code file:line}, or {@code line N} for a file that has no name (an upload). */
  static String at(String file, long line) {
    return file.isEmpty() ? "line " + line : file + ":" + line;
  }

  boolean isObject() {
    return value != null && value.isObject();
  }

  boolean has(String field) {
    JsonNode v = value == null ? null : value.get(field);
    return v != null && !v.isNull();
  }

  YamlNode child(String field) {
    JsonNode v = value == null ? null : value.get(field);
    return new YamlNode(file, document, pointer + "/" + Locations.Json.escape(field), v, problems);
  }

  /** A string field; absent or null is null; another type is an error (and null). */
  String text(String field) {
    YamlNode child = child(field);
    if (child.value == null || child.value.isNull()) {
      return null;
    }
    if (!child.value.isTextual()) {
      child.wrongType("a string");
      return null;
    }
    return child.value.asText();
  }

  /** A boolean field; absent or null is null; another type is an error (and null). */
  Boolean bool(String field) {
    YamlNode child = child(field);
    if (child.value == null || child.value.isNull()) {
      return null;
    }
    if (!child.value.isBoolean()) {
      child.wrongType("true or false");
      return null;
    }
    return child.value.asBoolean();
  }

  /** A mapping field; absent or null, or of another type (an error), is an empty node. */
  YamlNode object(String field) {
    YamlNode child = child(field);
    if (child.value != null && !child.value.isNull() && !child.value.isObject()) {
      child.wrongType("a mapping");
      return new YamlNode(file, document, child.pointer, null, problems);
    }
    return child;
  }

  /** The mappings of a list field; absent or null is empty; a list item that is not a mapping is an error. */
  List<YamlNode> objects(String field) {
    List<YamlNode> out = new ArrayList<>();
    for (YamlNode item : items(field)) {
      if (item.value == null || item.value.isNull()) {
        continue;
      }
      if (!item.value.isObject()) {
        item.wrongType("a mapping");
      } else {
        out.add(item);
      }
    }
    return out;
  }

  /** The items of a list field; absent or null is empty; another type is an error (and empty). */
  List<YamlNode> items(String field) {
    YamlNode child = child(field);
    List<YamlNode> out = new ArrayList<>();
    if (child.value == null || child.value.isNull()) {
      return out;
    }
    if (!child.value.isArray()) {
      child.wrongType("a list");
      return out;
    }
    for (int i = 0; i < child.value.size(); i++) {
      out.add(new YamlNode(file, document, child.pointer + "/" + i, child.value.get(i), problems));
    }
    return out;
  }

  /** The string items of a list field; an item of another type is an error. */
  List<YamlNode> strings(String field) {
    List<YamlNode> out = new ArrayList<>();
    for (YamlNode item : items(field)) {
      if (item.value.isTextual()) {
        out.add(item);
      } else if (!item.value.isNull()) {
        item.wrongType("a string");
      }
    }
    return out;
  }

  /** A mapping of strings (labels, annotations); a value of another type is an error and left out. */
  Map<String, String> stringMap(String field) {
    YamlNode map = object(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (map.value == null || map.value.isNull()) {
      return out;
    }
    map.value.fields().forEachRemaining(e -> {
      if (e.getValue().isTextual()) {
        out.put(e.getKey(), e.getValue().asText());
      } else if (!e.getValue().isNull()) {
        map.child(e.getKey()).wrongType("a string (quote it)");
      }
    });
    return out;
  }

  String asText() {
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** Reports this node's value as of the wrong type. */
  void wrongType(String expected) {
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    problems.error(Problems.TOP, place(), "'" + name + "' must be " + expected + ", got " + kind(value));
  }

  void error(String message) {
    problems.error(Problems.TOP, place(), message);
  }

  void warning(String message) {
    problems.warning(Problems.TOP, place(), message);
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "true or false";
    }
    if (v.isArray()) {
      return "a list";
    }
    return v.isObject() ? "a mapping" : "null";
  }
}
