package io.blastgate.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fuzzer's mistakes in YAML text (Kubernetes manifests, Backstage catalog files), made on real
 * files: mistakes of syntax (indentation, unclosed quotes and flows, tabs, stray document markers,
 * keys twice), values of the wrong type where the formats read a list, a mapping or a string, odd
 * numbers, keys and tags, merge keys; and hostile YAML (alias bombs, deep nesting, huge scalars and
 * keys, many documents, lone surrogate escapes, bytes that are not UTF-8, byte order marks, NULs,
 * CRLF). Each takes the case's own {@link Random}.
 */
final class FuzzYaml {
  /** A line {@code key: value} (or {@code - key: value}) of a block mapping. */
  private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(- +)?([A-Za-z_][A-Za-z0-9_.-]*):( .*)?$");
  /** The keys the formats read, and values of a type they do not take there. */
  private static final String[] READ_KEYS = {"containers", "env", "envFrom", "metadata", "name", "namespace",
    "spec", "template", "serviceAccountName", "volumes", "secret", "secretName", "imagePullSecrets", "labels",
    "annotations", "owner", "dependsOn", "providesApis", "consumesApis", "memberOf", "children", "targets",
    "kind", "apiVersion", "items", "initContainers", "valueFrom", "secretKeyRef", "lifecycle", "type", "members"};
  private static final String[] WRONG_VALUES = {"3", "{}", "[]", "null", "~", "true", "\"\"", "[a, [b]]",
    "{a: {b: c}}", "- x", "1e400", "99999999999999999999999999999999999999", "-0x7fffffffffffffffffff", ".inf",
    ".NaN", "0o777", "2026-12-02", "!!binary aGVsbG8=", "!Ref other", "!!python/object:os.system x",
    "!!set {a, b}", "!!int \"3\"", "!!str 3", "!<tag:example.com,2026:x> y", "!!map [a]", "&a {x: 1}", "*nowhere",
    "\"\\ud800x\"", "\"\\udc00\"", "\"a\\x00b\"", "'unclosed", "\"unclosed", "[unclosed", "{unclosed: 1",
    "|\n  block", ">-\n  folded", "@reserved", "`reserved", "%percent", "? complex", ": colon"};
  private static final String[] ODD_KEYS = {"? [a, b]\n: x", "1: x", "true: x", "null: x", "~: x",
    "[a]: x", "{a: 1}: x", "\"\\ud800\": x", "<<: {extra: 1}", "<<: 3", "<<: [*nowhere]", "<<: *nowhere",
    "\"\": empty", "? |\n  block key\n: x", "!!binary aGk=: x"};

  private FuzzYaml() {}

  /** {@code yaml} with one or two mistakes. */
  static byte[] mistaken(Random r, String yaml) {
    byte[] out = once(r, yaml);
    if (r.nextInt(5) == 0) {
      out = once(r, new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * {@code yaml} changed in a way YAML allows and that changes nothing it says: a byte order mark,
   * CRLF line ends, a directive or document markers, a comment first, JSON-style flow quoting.
   */
  static String harmless(Random r, String yaml) {
    return switch (r.nextInt(7)) {
      case 0 -> "\uFEFF" + yaml;
      case 1 -> yaml.replace("\n", "\r\n");
      case 2 -> "%YAML 1.1\n---\n" + yaml;
      case 3 -> "---\n" + yaml + "\n...\n";
      case 4 -> "# exported " + "x".repeat(r.nextInt(20_000)) + "\n" + yaml;
      case 5 -> "\uFEFF# a comment\r\n" + yaml.replace("\n", "\r\n");
      default -> yaml;
    };
  }

  /** A mistake that no file survives: bytes that are not UTF-8, an unclosed flow, an alias bomb, deep nesting. */
  static byte[] surelyRefused(Random r, String yaml) {
    return switch (r.nextInt(4)) {
      case 0 -> FuzzBytes.insertAt(FuzzBytes.utf8(yaml), 1 + r.nextInt(Math.max(1, yaml.length() - 1)),
          FuzzBytes.NOT_UTF8[r.nextInt(FuzzBytes.NOT_UTF8.length)]);
      case 1 -> FuzzBytes.utf8(yaml + "\n---\nbroken: [unclosed\n");
      case 2 -> FuzzBytes.utf8(yaml + "\n---\n" + aliasBomb(9, 9));
      default -> FuzzBytes.utf8(yaml + "\n---\n" + deepFlow(10_000));
    };
  }

  private static byte[] once(Random r, String yaml) {
    List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
    int at = r.nextInt(lines.size());
    int which = r.nextInt(24);
    if (which == 22) {
      return r.nextBoolean() ? FuzzBytes.flip(r, FuzzBytes.utf8(yaml), 1 + r.nextInt(4))
          : FuzzBytes.insertAt(FuzzBytes.utf8(yaml), r.nextInt(yaml.length() + 1),
              FuzzBytes.NOT_UTF8[r.nextInt(FuzzBytes.NOT_UTF8.length)]);
    }
    return FuzzBytes.utf8(switch (which) {
      case 0 -> join(reindent(r, lines, keyLine(r, lines)));
      case 1 -> join(set(lines, at, "\t" + lines.get(at).stripLeading()));
      case 2 -> join(insert(lines, at, FuzzBundles.pick(r, "---", "...", "--- |", "--- !x", "%YAML 1.1", "%YAML 2.0",
          "%TAG ! tag:example.com,2026:", "--- &a")));
      case 3 -> join(duplicate(lines, keyLine(r, lines)));
      case 4, 5, 6, 7 -> join(replaceValue(lines, readKeyLine(r, lines), FuzzBundles.pick(r, WRONG_VALUES)));
      case 8 -> join(insertKey(lines, keyLine(r, lines), FuzzBundles.pick(r, ODD_KEYS)));
      case 9 -> join(insert(lines, at, "b: &b [\"x\"]")) + "\n" + FuzzBundles.pick(r, "c: *b", "<<: *b", "d: *b\nd2: *b");
      case 10 -> r.nextBoolean() ? aliasBomb(9 + r.nextInt(3), 9 + r.nextInt(3)) + "\n---\n" + yaml
          : yaml + "\n---\n" + aliasBomb(9, 9);
      case 11 -> join(replaceValue(lines, readKeyLine(r, lines), r.nextBoolean() ? deepFlow(1_000 + r.nextInt(9_000))
          : deepBlock(201 + r.nextInt(10_000))));
      case 12 -> join(replaceValue(lines, readKeyLine(r, lines), (r.nextBoolean() ? "\"" : "")
          + "v".repeat(100_000 + r.nextInt(900_000)) + (r.nextBoolean() ? "\"" : "")));
      case 13 -> join(insertKey(lines, keyLine(r, lines), "k".repeat(1_000 + r.nextInt(100_000)) + ": x"));
      case 14 -> manyDocuments(r, yaml);
      case 15 -> join(replaceValue(lines, readKeyLine(r, lines), "\"" + FuzzBytes.loneSurrogate(r) + "x\""));
      case 16 -> "\uFEFF" + yaml;
      case 17 -> join(set(lines, at, lines.get(at) + FuzzBundles.pick(r, "\u0000", "\uFEFF", "\u0007", "\u001B[2J",
          "\u0085", "\u2028", "\uFFFE", "\uD83D\uDE00")));
      case 18 -> yaml.replace("\n", "\r\n");
      case 19 -> yaml.replace("\n", "\r");
      case 20 -> new String(FuzzBytes.truncate(r, FuzzBytes.utf8(yaml)), java.nio.charset.StandardCharsets.UTF_8);
      case 21 -> join(replaceValue(lines, readKeyLine(r, lines), "&" + "a".repeat(1 + r.nextInt(3)) + " x"))
          + "\nextra: *a";
      default -> FuzzBundles.pick(r, "", "---", "...", "# only a comment", "[]", "3", "\"text\"", "null",
          "- a\n- b", "kind: Deployment", "apiVersion: v1", "apiVersion: backstage.io/v1alpha1\nkind: Component",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {template: {spec: {containers: 3}}}",
          "apiVersion: v1\nkind: List\nitems: {}", "apiVersion: v1\nkind: List\nitems: [3, null, []]");
    });
  }

  /** "Billion laughs": {@code levels} anchors, each a list of {@code width} aliases of the one before. */
  static String aliasBomb(int levels, int width) {
    StringBuilder out = new StringBuilder("a0: &a0 [\"lol\"]\n");
    for (int i = 1; i <= levels; i++) {
      out.append('a').append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(width, "*a" + (i - 1)))).append("]\n");
    }
    return out.toString();
  }

  /** Nesting {@code depth} levels deep, in flow style. */
  static String deepFlow(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** Nesting {@code depth} levels deep, in block style on one line ({@code - - - x}). */
  static String deepBlock(int depth) {
    return "\n" + "- ".repeat(depth) + "x";
  }

  private static String manyDocuments(Random r, String yaml) {
    int n = r.nextInt(4) == 0 ? 500_001 : 1_000 + r.nextInt(20_000);
    return yaml + "\n" + (r.nextBoolean() ? "---\n" : "--- {}\n").repeat(n);
  }

  /**
   * Which lines are text inside a block scalar ({@code key: |} and the lines indented under it), whose
   * look-alike keys are no keys: a mistake made there would be text, not a mistake.
   */
  private static boolean[] inBlockScalars(List<String> lines) {
    boolean[] inside = new boolean[lines.size()];
    int blockIndent = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (blockIndent >= 0 && (line.isBlank() || indentOf(line) > blockIndent)) {
        inside[i] = true;
        continue;
      }
      blockIndent = line.matches(".*[:-] *[|>][-+0-9]*\\s*(#.*)?$") ? indentOf(line) : -1;
    }
    return inside;
  }

  private static int keyLine(Random r, List<String> lines) {
    List<Integer> keys = new ArrayList<>();
    boolean[] text = inBlockScalars(lines);
    for (int i = 0; i < lines.size(); i++) {
      if (!text[i] && KEY_LINE.matcher(lines.get(i)).matches()) {
        keys.add(i);
      }
    }
    return keys.isEmpty() ? -1 : keys.get(r.nextInt(keys.size()));
  }

  /** A line of a key the formats read, else any key line. */
  private static int readKeyLine(Random r, List<String> lines) {
    List<Integer> keys = new ArrayList<>();
    List<String> read = Arrays.asList(READ_KEYS);
    boolean[] text = inBlockScalars(lines);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      if (!text[i] && m.matches() && read.contains(m.group(3))) {
        keys.add(i);
      }
    }
    return keys.isEmpty() ? keyLine(r, lines) : keys.get(r.nextInt(keys.size()));
  }

  /** The key at {@code line} given {@code value} instead of its own, its block (if any) removed. */
  private static List<String> replaceValue(List<String> lines, int line, String value) {
    if (line < 0) {
      lines.add("x: " + value);
      return lines;
    }
    Matcher m = KEY_LINE.matcher(lines.get(line));
    m.matches();
    int indent = m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
    int end = line + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)) > indent
        || indentOf(lines.get(end)) == indent && lines.get(end).stripLeading().startsWith("- ") && m.group(4) == null)) {
      end++;
    }
    String prefix = m.group(1) + (m.group(2) == null ? "" : m.group(2)) + m.group(3) + ": ";
    String shown = value.replace("\n", "\n" + " ".repeat(indent));
    lines.subList(line, end).clear();
    lines.add(line, prefix + shown);
    return lines;
  }

  private static List<String> reindent(Random r, List<String> lines, int line) {
    if (line >= 0) {
      String l = lines.get(line);
      lines.set(line, r.nextBoolean() ? " " + l : l.substring(Math.min(indentOf(l), 1 + r.nextInt(3))));
    }
    return lines;
  }

  private static List<String> duplicate(List<String> lines, int line) {
    if (line >= 0) {
      Matcher m = KEY_LINE.matcher(lines.get(line));
      m.matches();
      lines.add(line + 1, " ".repeat(m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length()))
          + m.group(3) + ": again");
    }
    return lines;
  }

  private static List<String> insertKey(List<String> lines, int line, String key) {
    if (line < 0) {
      lines.add(key);
      return lines;
    }
    Matcher m = KEY_LINE.matcher(lines.get(line));
    m.matches();
    String indent = " ".repeat(m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length()));
    lines.add(line, indent + key.replace("\n", "\n" + indent));
    return lines;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static List<String> set(List<String> lines, int at, String line) {
    lines.set(at, line);
    return lines;
  }

  private static List<String> insert(List<String> lines, int at, String line) {
    lines.add(at, line);
    return lines;
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines);
  }
}
