package io.blastgate.importer.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV parser's complaints in our words, as {@link JsonSyntax} does for JSON: its messages speak of
 * "encapsulated tokens" and carry its exception's name, so none is passed on. What it found is
 * recognised (a quoted cell never closed, a character after a closing quote) and said again, at the
 * line it names.
 */
public final class CsvSyntax {
  private static final Pattern NOT_CLOSED =
      Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished.*", Pattern.DOTALL);
  private static final Pattern AFTER_QUOTE =
      Pattern.compile("Invalid character between encapsulated token and delimiter at line: (\\d+).*", Pattern.DOTALL);

  private CsvSyntax() {}

  /** {@code file:line}: the line the parser names, else {@code nextLine} (the one it was reading). */
  static String location(String file, String parserMessage, long nextLine) {
    String message = parserMessage == null ? "" : parserMessage;
    for (Pattern p : new Pattern[] {NOT_CLOSED, AFTER_QUOTE}) {
      Matcher m = p.matcher(message);
      if (m.matches()) {
        return file + ":" + m.group(1);
      }
    }
    return file + ":" + nextLine;
  }

  public static String describe(String parserMessage) {
    String message = parserMessage == null ? "" : parserMessage;
    if (NOT_CLOSED.matcher(message).matches()) {
      return "a quoted cell that starts on this line is never closed (a '\"' is missing)";
    }
    if (AFTER_QUOTE.matcher(message).matches()) {
      return "a character follows the closing '\"' of a quoted cell (inside quotes, write a quote as \"\")";
    }
    return "this is not valid CSV (RFC 4180)";
  }
}
