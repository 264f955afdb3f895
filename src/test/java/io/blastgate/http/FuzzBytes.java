package io.blastgate.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The fuzzer's mistakes of syntax and encoding, made in a document's text or bytes: flipped bytes,
 * truncations, bytes that are not UTF-8, lone surrogate escapes, deep nesting, duplicate keys,
 * non-JSON numbers, huge strings, numbers and names, control characters, other encodings, documents
 * that are not bundles at all. Each takes the case's own {@link Random}.
 */
final class FuzzBytes {
  /** Overlong, encoded surrogates, above U+10FFFF, lone continuation, never-used, cut short. */
  static final byte[][] NOT_UTF8 = {
    {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE},
    {(byte) 0xC2}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};

  private static final String[] NOT_BUNDLES = {
    "", "   \n", "null", "[]", "\"bundle\"", "123", "{", "}", "{}", "\uFEFF{}", "[{}]", "true", "{\"format\": null}",
    "<?xml version=\"1.0\"?><bundle/>", "format: blastgate.bundle/v1\nsource: s\n"};

  private FuzzBytes() {}

  /** {@code json} with one or two mistakes of syntax or encoding. */
  static byte[] mistaken(Random r, String json) {
    byte[] out = once(r, json);
    if (r.nextInt(4) == 0) {
      out = flip(r, out, 1 + r.nextInt(3));
    }
    return out;
  }

  /** A mistake that no bundle survives: cut short, or bytes that are not UTF-8 in a string. */
  static byte[] surelyRefused(Random r, String json) {
    return r.nextBoolean()
        ? truncate(r, utf8(json))
        : insertAt(utf8(json), afterQuote(r, json), NOT_UTF8[r.nextInt(NOT_UTF8.length)]);
  }

  private static byte[] once(Random r, String json) {
    return switch (r.nextInt(20)) {
      case 0 -> flip(r, utf8(json), 1 + r.nextInt(4));
      case 1 -> truncate(r, utf8(json));
      case 2 -> insertAt(utf8(json), afterQuote(r, json), NOT_UTF8[r.nextInt(NOT_UTF8.length)]);
      case 3 -> utf8(insert(json, afterQuote(r, json), loneSurrogate(r)));
      case 4 -> utf8(replaceValue(r, json, deep(r)));
      case 5 -> utf8(insert(json, afterChar(r, json, '{'), "\"id\": \"dup\", \"id\": \"dup\", "));
      case 6 -> utf8(replaceValue(r, json, FuzzBundles.pick(r, "NaN", "Infinity", "-Infinity", "+1", "01", "1.", ".5", "1e", "0x10", "tru", "nul")));
      case 7 -> utf8(insert(json, before(r, json, r.nextBoolean() ? '}' : ']'), ","));
      case 8 -> utf8(insert(json, afterChar(r, json, ':'), FuzzBundles.pick(r, " /* note */ ", " // note\n", " # note\n")));
      case 9 -> utf8(json.replaceFirst("\"active\"", "'active'"));
      case 10 -> utf8(insert(json, afterQuote(r, json), String.valueOf((char) r.nextInt(0x20))));
      case 11 -> utf8(replaceValue(r, json, "\"" + "x".repeat(100_000 + r.nextInt(900_000)) + "\""));
      case 12 -> utf8(replaceValue(r, json, "9".repeat(1001 + r.nextInt(4000))));
      case 13 -> utf8(insert(json, afterChar(r, json, '{'), "\"" + "k".repeat(50_001 + r.nextInt(10_000)) + "\": 1, "));
      case 14 -> utf8(NOT_BUNDLES[r.nextInt(NOT_BUNDLES.length)]);
      case 15 -> utf8("\uFEFF" + json);
      case 16 -> json.getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16);
      case 17 -> utf8(json + FuzzBundles.pick(r, "x", "{}", ",", " ]", "\u0000"));
      case 18 -> utf8(insert(json, afterQuote(r, json), FuzzBundles.pick(r, "\\q", "\\u12G4", "\\", "\\u00")));
      default -> utf8(json.replace(",", FuzzBundles.pick(r, ",\r\n", ",\t", " ,", ",\u000B")));
    };
  }

  /** A lone high or low surrogate escape, or a high one followed by no low one. */
  static String loneSurrogate(Random r) {
    int high = 0xD800 + r.nextInt(0x400);
    int low = 0xDC00 + r.nextInt(0x400);
    return switch (r.nextInt(3)) {
      case 0 -> String.format(Locale.ROOT, "\\u%04x", high);
      case 1 -> String.format(Locale.ROOT, "\\u%04X", low);
      default -> String.format(Locale.ROOT, "\\u%04x\\u0041", high);
    };
  }

  private static String deep(Random r) {
    int depth = 1001 + r.nextInt(2000);
    return r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  static byte[] flip(Random r, byte[] bytes, int times) {
    byte[] out = bytes.clone();
    for (int i = 0; i < times && out.length > 0; i++) {
      out[r.nextInt(out.length)] = (byte) r.nextInt(256);
    }
    return out;
  }

  static byte[] truncate(Random r, byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, bytes.length <= 1 ? 0 : r.nextInt(bytes.length - 1));
  }

  /** {@code inserted} at {@code at}, or at the end of a shorter document. */
  static byte[] insertAt(byte[] bytes, int where, byte[] inserted) {
    int at = Math.min(where, bytes.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(inserted);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  /** A byte offset just after a '"' of an ASCII document (the fuzzer's documents are ASCII). */
  private static int afterQuote(Random r, String json) {
    return afterChar(r, json, '"');
  }

  private static int afterChar(Random r, String json, char c) {
    List<Integer> at = positions(json, c);
    return at.isEmpty() ? 0 : at.get(r.nextInt(at.size())) + 1;
  }

  private static int before(Random r, String json, char c) {
    List<Integer> at = positions(json, c);
    return at.isEmpty() ? 0 : at.get(r.nextInt(at.size()));
  }

  /** Replaces the value after a random ':' (up to the next ',' or '}') with {@code value}. */
  private static String replaceValue(Random r, String json, String value) {
    int colon = afterChar(r, json, ':');
    int end = colon;
    while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0 && json.charAt(end) != '[') {
      end++;
    }
    return json.substring(0, colon) + " " + value + json.substring(end);
  }

  private static List<Integer> positions(String text, char c) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        at.add(i);
      }
    }
    return at;
  }

  private static String insert(String text, int at, String inserted) {
    return text.substring(0, at) + inserted + text.substring(at);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
