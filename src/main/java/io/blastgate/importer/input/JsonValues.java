package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value named as messages name it. Shared by the readers (a section of the wrong shape) and the
 * importer's checks (a field of the wrong type), so that both say it the same way.
 */
public final class JsonValues {
  private JsonValues() {}

  /** "a string", "an array", …, "null". */
  public static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }
}
