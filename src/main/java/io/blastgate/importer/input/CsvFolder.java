package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A bundle as a folder of CSV files, one per section ({@code identities.csv}, …), any of them
 * optional. The header row names JSON fields; list fields are split on '|'; an empty cell is absent.
 * Each row becomes the JSON object the bundle would hold, so both forms share one validator.
 */
final class CsvFolder implements SourceInput {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Path folder;
  private final Optional<String> requested;
  private final String folderName;
  private final CanonicalShape shape;
  private final Locations.Csv where = new Locations.Csv();

  /** One column of a file's header: the field it holds, and whether its cells are lists. */
  private record Column(String field, boolean list) {}

  CsvFolder(Path folder, Optional<String> requested, String folderName, CanonicalShape shape) {
    this.folder = folder;
    this.requested = requested;
    this.folderName = folderName;
    this.shape = shape;
  }

  static List<String> fileNames() {
    return Arrays.stream(Label.values()).map(Locations.Csv::file).toList();
  }

  /** Whether a folder holds at least one of the bundle's CSV files. */
  static boolean looksLikeBundle(Path folder) {
    return fileNames().stream().anyMatch(name -> Files.isRegularFile(folder.resolve(name)));
  }

  @Override
  public Locations locations() {
    return where;
  }

  @Override
  public boolean read(Visitor visitor, Problems problems) throws IOException {
    checkFolder(problems);
    for (Label label : Label.values()) {
      Path file = folder.resolve(Locations.Csv.file(label));
      if (Files.isRegularFile(file)) {
        readFile(label, file, visitor, problems);
      }
    }
    return true;
  }

  /** A misspelt file name must not make a whole section vanish silently. */
  private void checkFolder(Problems problems) throws IOException {
    List<String> known = fileNames();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".csv") && !known.contains(name))
          .sorted()
          .forEach(name -> problems.error(Problems.TOP, name, "unknown file '" + name + "'"
              + Suggest.hint(name, known) + "; a bundle folder holds " + String.join(", ", known)));
    }
    if (!looksLikeBundle(folder)) {
      problems.error(Problems.TOP, folderName, "no bundle files here: expected at least one of " + String.join(", ", known));
    }
  }

  private void readFile(Label label, Path file, Visitor visitor, Problems problems) throws IOException {
    String name = file.getFileName().toString();
    try (Reader reader = new Utf8Reader(Files.newInputStream(file)); CSVParser parser = CSVParser.parse(reader, CSV)) {
      try {
        readRecords(label, name, parser, visitor, problems);
      } catch (UncheckedIOException e) {
        // The parser's iterator wraps what failed (the text, or the CSV) in an unchecked exception.
        unreadable(name, e.getCause(), parser.getCurrentLineNumber() + 1, problems);
      }
    }
  }

  private void readRecords(Label label, String name, CSVParser parser, Visitor visitor, Problems problems) {
    Iterator<CSVRecord> records = parser.iterator();
    if (!records.hasNext()) {
      return;
    }
    Column[] columns = header(label, name, records.next(), problems);
    if (columns == null) {
      return;
    }
    while (records.hasNext()) {
      CSVRecord record = records.next();
      long line = startLine(parser.getCurrentLineNumber(), record);
      if (record.stream().allMatch(String::isBlank)) {
        continue; // a spreadsheet's empty row
      }
      if (record.size() > columns.length) {
        problems.error(where.order(label, line), name + ":" + line + ":" + (columns.length + 1),
            "this row has " + record.size() + " cells but the header names " + columns.length
                + " columns; the row is skipped");
        continue;
      }
      visitor.entity(label, line, row(columns, record));
    }
  }

  /**
   * A file that cannot be read to its end as UTF-8 CSV: one problem at {@code file:line}, in our words
   * (the CSV parser's own speak of "encapsulated tokens"); other I/O failures propagate.
   */
  private static void unreadable(String name, IOException e, long nextLine, Problems problems) throws IOException {
    String rest = "; the rest of " + name + " was not checked";
    if (e instanceof Utf8Reader.NotUtf8 bad) {
      problems.error(Problems.TOP, name + ":" + bad.line(), "not UTF-8 at column " + bad.column() + " (bytes "
          + bad.bytes() + "): save the file as CSV UTF-8" + rest);
    } else if (e instanceof CSVException) {
      problems.error(Problems.TOP, CsvSyntax.location(name, e.getMessage(), nextLine), CsvSyntax.describe(e.getMessage()) + rest);
    } else {
      throw e;
    }
  }

  /** The header's columns (null for a column to ignore), or null if the file is unusable. */
  private Column[] header(Label label, String name, CSVRecord header, Problems problems) {
    Set<String> allowed = shape.fieldNames(label);
    Column[] read = new Column[header.size()];
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip();
      String at = name + ":1:" + (i + 1);
      if (i == 0 && column.startsWith("\uFEFF")) {
        column = column.substring(1).strip(); // Excel's byte order mark
      }
      if (column.isEmpty()) {
        problems.error(Problems.TOP, at, "column " + (i + 1) + " has no name; name it after a field or delete it");
      } else if (!allowed.contains(column)) {
        problems.error(Problems.TOP, at, "unknown column '" + column + "'" + Suggest.hint(column, allowed)
            + "; the columns of " + name + " are " + String.join(", ", allowed));
      } else if (columns.containsKey(column)) {
        problems.error(Problems.TOP, at, "column '" + column + "' appears twice (also column " + columns.get(column) + ")");
      } else {
        columns.put(column, i + 1);
        read[i] = new Column(column, shape.holdsList(label, column));
      }
    }
    where.header(label, columns);
    boolean usable = true;
    for (String required : List.of("id", "kind")) {
      if (!columns.containsKey(required)) {
        problems.error(Problems.TOP, name + ":1", "required column '" + required + "' is missing; no row of " + name + " was checked");
        usable = false;
      }
    }
    return usable ? read : null;
  }

  private static ObjectNode row(Column[] columns, CSVRecord record) {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < record.size(); i++) {
      String cell = record.get(i).strip();
      if (columns[i] == null || cell.isEmpty()) {
        continue;
      }
      if (columns[i].list()) {
        ArrayNode items = NODES.arrayNode();
        Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        if (!items.isEmpty()) {
          node.set(columns[i].field(), items);
        }
      } else {
        node.put(columns[i].field(), cell);
      }
    }
    return node;
  }

  /** The line a record starts on, from the line it ends on and the line breaks inside its cells. */
  private static long startLine(long endLine, CSVRecord record) {
    long breaks = 0;
    for (String value : record) {
      breaks += value.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }
    return endLine - breaks;
  }

  @Override
  public String source(Problems problems) {
    String name = requested.orElse(folderName);
    if (!SourceInput.validSourceName(name)) {
      String what = requested.isPresent() ? "the source '" + name + "'" : "the folder name '" + name + "'";
      problems.error(Problems.TOP, "source", what + " is not a valid source name: " + SourceInput.sourceNameRule()
          + (requested.isPresent() ? "" : "; pass a source explicitly"));
      return null;
    }
    return name;
  }

  @Override
  public String sourceForReport() {
    return requested.orElse(folderName);
  }
}
