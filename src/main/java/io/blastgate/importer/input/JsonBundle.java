package io.blastgate.importer.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.blastgate.model.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A bundle as one JSON document, streamed: the parser walks the top-level object and reads each
 * element of the four arrays as a small tree of its own, so only one entity is in memory at a time.
 */
final class JsonBundle implements SourceInput {
  static final String FORMAT_V1 = "blastgate.bundle/v1";

  /** A member given twice in one object is an error, not "the last one wins". */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final List<String> TOP_FIELDS = topFields();

  private final Path file;
  private final Optional<String> requested;
  private final Locations.Json where = new Locations.Json();
  private JsonNode format;
  private JsonNode source;
  /** Format or source held text that is not Unicode (reported while reading). */
  private boolean formatUnreadable;
  private boolean sourceUnreadable;

  JsonBundle(Path file, Optional<String> requested) {
    this.file = file;
    this.requested = requested;
  }

  @Override
  public Locations locations() {
    return where;
  }

  /**
   * Reads through {@link Utf8Reader}, so that bytes that are not UTF-8 stop the reading where they
   * are instead of being rewritten; either that or malformed JSON is one problem, at the parser's place.
   */
  @Override
  public boolean read(Visitor visitor, Problems problems) throws IOException {
    try (JsonParser parser = MAPPER.createParser(new Utf8Reader(Files.newInputStream(file)))) {
      try {
        return readBundle(parser, visitor, problems);
      } catch (Utf8Reader.NotUtf8 e) {
        notUtf8(parser, e, problems);
        return false;
      } catch (JsonProcessingException e) {
        if (e.getCause() instanceof Utf8Reader.NotUtf8 cause) {
          notUtf8(parser, cause, problems);
          return false;
        }
        // A limit of the parser's (nesting, lengths) comes without a location: where it stands is the place.
        var at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String place = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        problems.error(Problems.TOP, place(parser),
            "malformed JSON" + place + ": " + JsonSyntax.describe(e) + "; nothing after it was checked");
        return false;
      }
    }
  }

  private static void notUtf8(JsonParser parser, Utf8Reader.NotUtf8 e, Problems problems) {
    problems.error(Problems.TOP, place(parser), "not UTF-8 at line " + e.line() + ", column " + e.column()
        + " (bytes " + e.bytes() + "): save the bundle as UTF-8; nothing after it was checked");
  }

  /** Where the parser stands, as a pointer that can be printed. */
  private static String place(JsonParser parser) {
    return UnicodeText.printable(parser.getParsingContext().pathAsPointer().toString());
  }

  private boolean readBundle(JsonParser parser, Visitor visitor, Problems problems) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      problems.error(Problems.TOP, "", "a bundle is a JSON object {\"format\": \"" + FORMAT_V1
          + "\", \"source\": …, \"identities\": […], …}, got " + (first == null ? "an empty file" : "something else"));
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      Optional<Label> section = Label.fromSection(name);
      if (UnicodeText.firstUnpaired(name) >= 0) {
        UnicodeText.check(MAPPER.createObjectNode().put(name, ""), "", reportTo(problems, Problems.TOP));
        parser.skipChildren();
      } else if (name.equals("format")) {
        format = parser.readValueAsTree();
        formatUnreadable = !UnicodeText.check(format, "/format", reportTo(problems, Problems.TOP));
      } else if (name.equals("source")) {
        source = parser.readValueAsTree();
        if (!UnicodeText.check(source, "/source", reportTo(problems, Problems.TOP))) {
          source = null; // reported; never to be echoed in the report
          sourceUnreadable = true;
        }
      } else if (section.isPresent()) {
        readSection(parser, value, section.get(), visitor, problems);
      } else {
        problems.error(Problems.TOP, "/" + Locations.Json.escape(name),
            "unknown field '" + name + "'" + Suggest.hint(name, TOP_FIELDS));
        parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      problems.error(Problems.TOP, "", "unexpected content after the bundle's closing '}'");
    }
    return true;
  }

  private void readSection(JsonParser parser, JsonToken value, Label label, Visitor visitor, Problems problems)
      throws IOException {
    where.sectionSeen(label);
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      JsonNode node = parser.readValueAsTree();
      problems.error(Problems.TOP, "/" + label.section(),
          "'" + label.section() + "' must be an array of objects, got " + JsonValues.describe(node));
      return;
    }
    long index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonNode element = parser.readValueAsTree();
      long position = index++;
      // An entity holding text that is not Unicode is reported here and not handed on, so that its
      // id never reaches the graph (where it would be altered).
      String at = where.of(label, position, null, -1);
      if (UnicodeText.check(element, at, reportTo(problems, where.order(label, position)))) {
        visitor.entity(label, position, element);
      }
    }
  }

  private static UnicodeText.Found reportTo(Problems problems, long order) {
    return (pointer, message) -> problems.error(order, pointer, message);
  }

  @Override
  public String source(Problems problems) {
    checkFormat(problems);
    if (sourceUnreadable) {
      return null;
    }
    if (source == null || source.isNull()) {
      problems.error(Problems.TOP, "/source", "required field 'source' is missing: name the system these facts come from");
      return null;
    }
    if (!source.isTextual()) {
      problems.error(Problems.TOP, "/source", "'source' must be a string, got " + JsonValues.describe(source));
      return null;
    }
    String name = source.asText();
    if (!SourceInput.validSourceName(name)) {
      problems.error(Problems.TOP, "/source", "'" + name + "' is not a valid source name: " + SourceInput.sourceNameRule());
      return null;
    }
    if (requested.isPresent() && !requested.get().equals(name)) {
      problems.error(Problems.TOP, "/source", "the bundle's source is '" + name
          + "' but the import was asked for source '" + requested.get() + "'; they must agree (or leave the option out)");
      return null;
    }
    return name;
  }

  private void checkFormat(Problems problems) {
    if (formatUnreadable) {
      return;
    }
    if (format == null || format.isNull()) {
      problems.error(Problems.TOP, "/format", "required field 'format' is missing (write \"format\": \"" + FORMAT_V1 + "\")");
    } else if (!format.isTextual()) {
      problems.error(Problems.TOP, "/format", "'format' must be a string, got " + JsonValues.describe(format));
    } else if (!format.asText().equals(FORMAT_V1)) {
      problems.error(Problems.TOP, "/format", "unsupported format '" + format.asText() + "' (expected '" + FORMAT_V1 + "')");
    }
  }

  @Override
  public String sourceForReport() {
    if (source != null && source.isTextual()) {
      return source.asText();
    }
    return requested.orElse("");
  }

  private static List<String> topFields() {
    List<String> names = new ArrayList<>(List.of("format", "source"));
    Arrays.stream(Label.values()).map(Label::section).forEach(names::add);
    return List.copyOf(names);
  }
}
