package io.blastgate.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.model.Label;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One input holding a bundle, read as a stream of entities as often as the import needs (once to
 * validate, then again to write), so that memory does not grow with its size.
 */
sealed interface BundleInput permits JsonBundle, CsvFolder {
  /**
   * What provenance uses as a separator, '@', is not allowed; a source is a short name, not a sentence.
   */
  Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /** Receives each entity: its section, its position (array index or line number) and its fields. */
  @FunctionalInterface
  interface Visitor {
    void entity(Label label, long position, JsonNode fields);
  }

  /** The format of the report: both forms are the canonical bundle. */
  String FORMAT = "bundle";

  Locations locations();

  /**
   * Reads the input once, handing every entity to {@code visitor} and reporting problems of the
   * input's own structure. Returns false if the input could not be read to its end (malformed JSON).
   */
  boolean read(Visitor visitor, Problems problems) throws IOException;

  /** The source name after a first read, or null when there is none valid (the problem is reported). */
  String source(Problems problems);

  /** The source name to put in a report before or without a valid one. */
  String sourceForReport();

  static boolean validSourceName(String name) {
    return name != null && SOURCE_NAME.matcher(name).matches();
  }

  static String sourceRule() {
    return "a source name is 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter"
        + " or digit (no '@', which provenance uses as a separator)";
  }
}
