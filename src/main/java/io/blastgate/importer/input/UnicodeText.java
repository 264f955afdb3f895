package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Whether text is Unicode: JSON's {@code \\uD800} escapes can spell half of a surrogate pair, which is
 * no character at all. The database stores such a half as '?', so that two ids differing only there
 * would silently become one; a reader refuses them, wherever they stand.
 */
public final class UnicodeText {
  /** Where one problem is: a JSON pointer, and what is wrong there. */
  public interface Found {
    void at(String pointer, String message);
  }

  private UnicodeText() {}

  /** The index of the first surrogate that is not half of a pair, or -1. */
  static int firstUnpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reports every member name and string of {@code node}, which stands at {@code pointer}, that holds
   * an unpaired surrogate; true if there was none. A name is reported at its object, since a pointer
   * through it could not be printed.
   */
  public static boolean check(JsonNode node, String pointer, Found found) {
    if (node.isTextual()) {
      int at = firstUnpaired(node.textValue());
      if (at >= 0) {
        found.at(pointer, "this string holds " + half(node.textValue(), at) + what());
        return false;
      }
      return true;
    }
    boolean clean = true;
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        int at = firstUnpaired(member.getKey());
        if (at >= 0) {
          found.at(pointer, "member " + JsonSyntax.shown(member.getKey()) + " has a name that holds "
              + half(member.getKey(), at) + what());
          clean = false;
        } else {
          clean &= check(member.getValue(), pointer + "/" + Locations.Json.escape(member.getKey()), found);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        clean &= check(node.get(i), pointer + "/" + i, found);
      }
    }
    return clean;
  }

  /** A pointer the parser built, cut before the first segment that could not be printed. */
  static String printable(String pointer) {
    int at = firstUnpaired(pointer);
    return at < 0 ? pointer : pointer.substring(0, Math.max(0, pointer.lastIndexOf('/', at)));
  }

  private static String half(String text, int at) {
    return String.format(Locale.ROOT, "an unpaired surrogate (\\u%04X at character %d)", (int) text.charAt(at), at + 1);
  }

  private static String what() {
    return ": JSON text must be Unicode, and \\uD800 to \\uDBFF must be followed by \\uDC00 to \\uDFFF";
  }
}
