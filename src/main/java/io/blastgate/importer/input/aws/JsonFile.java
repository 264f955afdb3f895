package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.blastgate.importer.input.JsonSyntax;
import io.blastgate.importer.input.JsonValues;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.UnicodeText;
import io.blastgate.importer.input.Utf8Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One JSON output of the AWS CLI or API, streamed: its top-level object member by member, and each
 * member that is an array element by element, so that one element (a role, a function) is in memory
 * at a time. Malformed JSON, bytes that are not UTF-8 and unpaired surrogates are one problem each, at
 * {@code file#pointer}, in our words (never the parser's).
 */
final class JsonFile {
  /** A member given twice in one object is an error, not "the last one wins". */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Receives the top level of one file. */
  interface Members {
    /** A member of the top-level object that is not an array, whole. */
    void member(String name, JsonNode value);

    /** One element of a top-level array member, at index {@code index}. */
    void element(String array, int index, JsonNode value);
  }

  private JsonFile() {}

  /**
   * {@code file#pointer}, or the pointer alone for an input that has no name (an upload); the whole
   * of such an input (whose pointer, "", would print as nothing) is {@code input}, as the YAML formats say.
   */
  static String at(String shown, String pointer) {
    if (shown.isEmpty() || pointer.isEmpty()) {
      return shown.isEmpty() ? (pointer.isEmpty() ? "input" : pointer) : shown;
    }
    return shown + "#" + pointer;
  }

  /** A member name as a pointer step (RFC 6901). */
  static String step(String name) {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Streams {@code file} (shown as {@code shown} in problems) into {@code members}. False if it could
   * not be read to its end; the problem is reported.
   */
  static boolean stream(Path file, String shown, Problems problems, Members members) throws IOException {
    try (JsonParser parser = MAPPER.createParser(new Utf8Reader(Files.newInputStream(file)))) {
      try {
        return top(parser, shown, problems, members);
      } catch (Utf8Reader.NotUtf8 e) {
        notUtf8(shown, parser, e, problems);
        return false;
      } catch (JsonProcessingException e) {
        if (e.getCause() instanceof Utf8Reader.NotUtf8 cause) {
          notUtf8(shown, parser, cause, problems);
          return false;
        }
        var where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        problems.error(Problems.TOP, at(shown, pointer(parser)), "malformed JSON at line " + where.getLineNr()
            + ", column " + where.getColumnNr() + ": " + JsonSyntax.describe(e) + "; nothing after it was read");
        return false;
      }
    }
  }

  private static boolean top(JsonParser parser, String shown, Problems problems, Members members) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      problems.error(Problems.TOP, at(shown, ""), "an AWS output is one JSON object, got "
          + (first == null ? "an empty file" : "something else"));
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY) {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          JsonNode element = parser.readValueAsTree();
          String pointer = step(name) + "/" + index;
          if (unicode(element, shown, pointer, problems)) {
            members.element(name, index, element);
          }
          index++;
        }
      } else {
        JsonNode node = parser.readValueAsTree();
        if (unicode(node, shown, step(name), problems)) {
          members.member(name, node);
        }
      }
    }
    if (parser.nextToken() != null) {
      problems.error(Problems.TOP, at(shown, ""), "unexpected content after the document's closing '}'");
    }
    return true;
  }

  /** A string that is not Unicode is refused where it is, so that no id is altered on its way to the graph. */
  private static boolean unicode(JsonNode node, String shown, String pointer, Problems problems) {
    return UnicodeText.check(node, pointer, (p, message) -> problems.error(Problems.TOP, at(shown, p), message));
  }

  private static void notUtf8(String shown, JsonParser parser, Utf8Reader.NotUtf8 e, Problems problems) {
    problems.error(Problems.TOP, at(shown, pointer(parser)), "not UTF-8 at line " + e.line() + ", column "
        + e.column() + " (bytes " + e.bytes() + "): save the file as UTF-8; nothing after it was read");
  }

  private static String pointer(JsonParser parser) {
    return parser.getParsingContext().pathAsPointer().toString();
  }

  /** "a string", "an array", …: how a message names a value of the wrong type. */
  static String describe(JsonNode value) {
    return JsonValues.describe(value);
  }
}
