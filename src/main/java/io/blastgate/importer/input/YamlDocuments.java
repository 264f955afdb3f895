package io.blastgate.importer.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The YAML files of the YAML formats (Kubernetes manifests, the Backstage catalog), read one document
 * at a time into a tree, with the line of every node kept beside it for the problems' locations. JSON
 * is YAML too, so a {@code .json} manifest is read the same way.
 *
 * <p>Aliases ({@code *name}) are expanded here, not by the parser (which hands them on as their
 * names), under limits, so that a few lines cannot expand into millions of values (an "alias bomb");
 * {@code <<} merge keys are applied. A key given twice in one mapping is an error, not "the last one
 * wins". Text must be UTF-8 ({@link Utf8Reader}).
 */
final class YamlDocuments {
  /** The most documents one file may hold. */
  static final int MAX_DOCUMENTS = 500_000;
  /** The most values one document may hold, aliases expanded. */
  static final int MAX_VALUES = 1_000_000;
  /** The most aliases one document may use. */
  static final int MAX_ALIASES = 1_000;
  static final int MAX_DEPTH = 200;
  /** Characters of one file; the upload limit bounds an import anyway. */
  private static final int MAX_CHARACTERS = Integer.MAX_VALUE - 16;

  private static final YAMLFactory FACTORY = factory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlDocuments() {}

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARACTERS);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowDuplicateKeys(true); // reported by the tree below, with its place
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * One document of a file: its index (from 1, as people count), its tree (null for an empty
   * document) and the line of each of its nodes by JSON pointer.
   */
  record Document(int index, JsonNode root, Map<String, Integer> lines) {
    /** The line of the node at {@code pointer}, or of its nearest ancestor that has one. */
    int lineOf(String pointer) {
      for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
        Integer line = lines.get(p);
        if (line != null) {
          return line;
        }
        if (p.isEmpty()) {
          return 1;
        }
      }
    }
  }

  /** A file that is not well-formed YAML, or breaks a limit: where, and what, in our words. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int document;
    private final long line;

    Malformed(int document, long line, String message) {
      super(message);
      this.document = document;
      this.line = line;
    }

    /** The document it stopped in, from 1. */
    int document() {
      return document;
    }

    long line() {
      return line;
    }
  }

  /** Hands every document of {@code file} to {@code each}, in order; stops at the first problem. */
  static void read(Path file, Consumer<Document> each) throws IOException, Malformed {
    int index = 0;
    long line = 1;
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(new Utf8Reader(Files.newInputStream(file)))) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        index++;
        if (index > MAX_DOCUMENTS) {
          throw new Malformed(index, line, "more than " + MAX_DOCUMENTS + " documents in one file");
        }
        line = parser.currentTokenLocation().getLineNr();
        Tree tree = new Tree(parser, index);
        JsonNode root = tree.value("", 0);
        // An empty document (a comment, or nothing between two '---') comes as null or as an empty scalar.
        boolean empty = root == null || root.isNull() || root.isTextual() && root.asText().isEmpty();
        each.accept(new Document(index, empty ? null : root, tree.lines));
      }
    } catch (Utf8Reader.NotUtf8 e) {
      throw new Malformed(Math.max(index, 1), e.line(), "not UTF-8 at line " + e.line() + ", column " + e.column()
          + " (bytes " + e.bytes() + "): save the file as UTF-8");
    } catch (JsonProcessingException e) {
      throw malformed(e, Math.max(index, 1), line);
    }
  }

  /** The parser's complaint in our words: its line and column, and what it found, never its class names. */
  private static Malformed malformed(JsonProcessingException e, int document, long fallbackLine) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Utf8Reader.NotUtf8 bad) {
        return new Malformed(document, bad.line(), "not UTF-8 at line " + bad.line() + ", column " + bad.column()
            + " (bytes " + bad.bytes() + "): save the file as UTF-8");
      }
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        int line = marked.getProblemMark().getLine() + 1;
        int column = marked.getProblemMark().getColumn() + 1;
        String problem = marked.getProblem() == null ? "not valid YAML" : marked.getProblem();
        return new Malformed(document, line, "malformed YAML at line " + line + ", column " + column + ": "
            + problem.strip());
      }
    }
    long line = e.getLocation() == null ? fallbackLine : e.getLocation().getLineNr();
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String what = original.contains("exceeds the limit") ? "the file is larger than a YAML file may be"
        : original.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")
            ? "nesting deeper than " + MAX_DEPTH + " levels" : "not valid YAML";
    return new Malformed(document, line, "malformed YAML at line " + line + ": " + what);
  }

  /** Builds one document's tree from the parser's tokens, expanding aliases under the limits. */
  private static final class Tree {
    private final YAMLParser parser;
    private final int document;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int values;
    private int aliases;

    Tree(YAMLParser parser, int document) {
      this.parser = parser;
      this.document = document;
    }

    /** The value at the parser's current token, which stands at {@code pointer}. */
    JsonNode value(String pointer, int depth) throws IOException, Malformed {
      int line = parser.currentTokenLocation().getLineNr();
      lines.putIfAbsent(pointer, line);
      if (depth > MAX_DEPTH) {
        throw new Malformed(document, line, "nesting deeper than " + MAX_DEPTH + " levels at line " + line);
      }
      count(1, line);
      if (parser.isCurrentAlias()) {
        return alias(parser.getText(), line);
      }
      String anchor = parser.getObjectId() instanceof String name ? name : null;
      JsonNode node = switch (parser.currentToken()) {
        case START_OBJECT -> mapping(pointer, depth);
        case START_ARRAY -> sequence(pointer, depth);
        case VALUE_STRING -> NODES.textNode(unicode(parser.getText(), line));
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> NODES.textNode(parser.getText());
      };
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private ObjectNode mapping(String pointer, int depth) throws IOException, Malformed {
      ObjectNode object = NODES.objectNode();
      ObjectNode merged = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int line = parser.currentTokenLocation().getLineNr();
        String key = unicode(parser.currentName(), line);
        parser.nextToken();
        String at = pointer + "/" + Locations.Json.escape(key);
        JsonNode child = value(at, depth + 1);
        lines.put(at, line);
        if ("<<".equals(key)) {
          merged = merged == null ? NODES.objectNode() : merged;
          merge(merged, child, line);
        } else if (object.has(key)) {
          throw new Malformed(document, line, "key '" + key + "' appears twice in one mapping (line " + line + ")");
        } else {
          object.set(key, child);
        }
      }
      if (merged != null) {
        // Keys written in the mapping itself come before those it merges in.
        merged.fields().forEachRemaining(e -> object.putIfAbsent(e.getKey(), e.getValue()));
      }
      return object;
    }

    private void merge(ObjectNode into, JsonNode from, int line) throws Malformed {
      if (from.isObject()) {
        from.fields().forEachRemaining(e -> into.putIfAbsent(e.getKey(), e.getValue()));
      } else if (from.isArray()) {
        for (JsonNode each : from) {
          merge(into, each, line);
        }
      } else {
        throw new Malformed(document, line, "a '<<' merge key must name a mapping (line " + line + ")");
      }
    }

    /**
     * {@code text}, refused if it holds half of a surrogate pair: a double-quoted {@code "\\ud800"}
     * spells one, which is no character, and the database would store it as '?', so that two names
     * differing only there would become one.
     */
    private String unicode(String text, int line) throws Malformed {
      int at = UnicodeText.firstUnpaired(text);
      if (at >= 0) {
        throw new Malformed(document, line, String.format(java.util.Locale.ROOT, "a string at line %d holds an"
            + " unpaired surrogate (\\u%04X at character %d): YAML text must be Unicode, and \\uD800 to \\uDBFF"
            + " must be followed by \\uDC00 to \\uDFFF", line, (int) text.charAt(at), at + 1));
      }
      return text;
    }

    private ArrayNode sequence(String pointer, int depth) throws IOException, Malformed {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(value(pointer + "/" + i++, depth + 1));
      }
      return array;
    }

    private JsonNode alias(String name, int line) throws Malformed {
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw new Malformed(document, line, "alias '*" + name + "' names no anchor before it (line " + line + ")");
      }
      if (++aliases > MAX_ALIASES) {
        throw new Malformed(document, line, "more than " + MAX_ALIASES + " aliases in one document: refused, as"
            + " aliases can expand a few lines into millions of values");
      }
      count(size(target), line);
      return target.deepCopy();
    }

    private void count(int more, int line) throws Malformed {
      values += more;
      if (values > MAX_VALUES) {
        throw new Malformed(document, line, "the document holds more than " + MAX_VALUES + " values (aliases"
            + " expanded): refused, as aliases can expand a few lines into millions of values");
      }
    }

    private static int size(JsonNode node) {
      int n = 1;
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        n += size(it.next());
        if (n > MAX_VALUES) {
          return n;
        }
      }
      return n;
    }
  }
}
