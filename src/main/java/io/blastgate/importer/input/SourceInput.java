package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.model.Label;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One source's input, opened by its {@link InputFormat}, read as a stream of canonical entities as
 * often as the import needs (once to validate, then again to write), so that memory does not grow
 * with its size. A reader checks only its own format's structure; each entity it hands on is checked
 * against the model by the importer, which reports problems where {@link #locations()} says they are.
 */
public interface SourceInput {
  /**
   * Receives each entity: its label, its position (an array index, a line number: whatever {@link
   * #locations()} turns back into a place) and its fields, as the canonical bundle would hold them
   * ({@code {"id": …, "kind": …, "uses": […]}}; see {@code importers/bundle/README.md}).
   */
  @FunctionalInterface
  interface Visitor {
    void entity(Label label, long position, JsonNode fields);
  }

  /** How this input names a place, for every problem found in it. */
  Locations locations();

  /**
   * Reads the input once, handing every entity to {@code visitor} and reporting problems of the
   * input's own structure. Returns false if the input could not be read to its end (malformed JSON):
   * what comes after is then not checked. Must hand on the same entities each time it is called.
   */
  boolean read(Visitor visitor, Problems problems) throws IOException;

  /**
   * The source name after a first read, or null when there is none valid (the problem is reported).
   * It must be the requested source when one was requested, or a problem if the input names another.
   */
  String source(Problems problems);

  /** The source name to put in a report before or without a valid one. */
  String sourceForReport();

  /**
   * What provenance uses as a separator, '@', is not allowed; a source is a short name, not a sentence.
   */
  Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  static boolean validSourceName(String name) {
    return name != null && SOURCE_NAME.matcher(name).matches();
  }

  static String sourceNameRule() {
    return "a source name is 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter"
        + " or digit (no '@', which provenance uses as a separator)";
  }
}
