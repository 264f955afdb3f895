package io.blastgate.error;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Values as the program may print or log them. A URI's user-info ({@code user:password@}) is a
 * credential, whether or not the program uses it ({@code neo4j://user:secret@host:7687}): it prints as
 * {@code ***@}. The one place that says how, for messages, errors and log lines alike.
 */
public final class Redacted {
  /** A scheme's {@code //}, then an authority's user-info up to its last '@' (a password may hold one). */
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.\\-]*://)[^\\s/?#]*@");

  private Redacted() {}

  /** The URI with its user-info, if any, masked. */
  public static String uri(URI uri) {
    return uri == null ? "null" : uri(uri.toString());
  }

  /**
   * A value meant as a URI, masked even when it is not a valid one: without a scheme, whatever stands
   * before an '@' that comes before any '/' is taken for user-info too.
   */
  public static String uri(String text) {
    if (text == null) {
      return "null";
    }
    int start = text.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = start;
    while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    int at = text.lastIndexOf('@', end - 1);
    return at < start ? text : text.substring(0, start) + "***" + text.substring(at);
  }

  /** Free text (a message, a library's error) with the user-info of every URI in it masked. */
  public static String urisIn(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
