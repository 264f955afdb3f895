package io.blastgate.importer.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the JSON parser's complaints become ours. The parser's messages name its own
 * settings and classes ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, {@code
 * StreamReadConstraints.getMaxNestingDepth()}, "encapsulated token"), so none is passed on: each
 * known complaint is recognised and said again in the bundle's words, with only what it found (a
 * character, a number) taken over; anything else is "not valid JSON". What may be said is this list.
 */
public final class JsonSyntax {
  private record Rule(Pattern pattern, Function<Matcher, String> says) {
    Rule(String regex, Function<Matcher, String> says) {
      this(Pattern.compile(regex, Pattern.DOTALL), says);
    }
  }

  private static final String VALUES = "a string, a number, an object, an array, true, false or null";

  private static final List<Rule> RULES = List.of(
      new Rule("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
          m -> "nesting deeper than " + m.group(2) + " levels"),
      new Rule("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
          m -> "a number longer than " + m.group(2) + " characters"),
      new Rule("String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
          m -> "a string longer than " + m.group(2) + " characters"),
      new Rule("Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
          m -> "a member name longer than " + m.group(2) + " characters"),
      new Rule("Non-standard token '([^']*)'.*",
          m -> "NaN/Infinity is not a JSON number (" + shown(m.group(1)) + "); write the number, or leave the field out"),
      new Rule("Duplicate field '(.*)'",
          m -> "member " + shown(m.group(1)) + " appears twice in one object"),
      new Rule("Unrecognized token '(.*)': was expecting.*",
          m -> "unexpected word " + shown(m.group(1)) + ": expected " + VALUES + " (text goes in double quotes)"),
      new Rule("(Broken surrogate pair|Unexpected low surrogate) in .*",
          m -> "an unpaired surrogate escape: \\uD800 to \\uDBFF must be followed by \\uDC00 to \\uDFFF"),
      new Rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
          m -> "a control character (" + codePoint(m.group(1)) + ") inside a string: write it as an escape such as \\n or \\u0009"),
      new Rule("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
          m -> "a control character (" + codePoint(m.group(1)) + ") between values: only spaces, tabs and line breaks may stand there"),
      new Rule("Unrecognized character escape '.' \\(code (\\d+)\\).*",
          m -> "unknown escape \\" + character(m.group(1)) + " in a string (the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"),
      new Rule("Invalid numeric value: Leading zeroes not allowed.*",
          m -> "a number with a leading zero"),
      new Rule("(Invalid|Malformed) numeric value.*", m -> "a malformed number"),
      new Rule("Illegal character.*", m -> "a character that JSON does not allow here"),
      new Rule("Unexpected character \\('.*' \\(code (\\d+)[^)]*\\)\\) in numeric value.*",
          m -> "a malformed number: unexpected character " + character(m.group(1))),
      new Rule("Unexpected character \\('.*' \\(code (\\d+)[^)]*\\)\\): (.*)",
          m -> "unexpected character " + character(m.group(1)) + ": " + expected(m.group(2))),
      new Rule("Unexpected end-of-input: was expecting closing quote.*",
          m -> "the document ends inside a string"),
      new Rule("Unexpected end-of-input in field name.*", m -> "the document ends inside a member name"),
      new Rule("Unexpected end-of-input: expected close marker for Object.*",
          m -> "the document ends before an object is closed with '}'"),
      new Rule("Unexpected end-of-input: expected close marker for Array.*",
          m -> "the document ends before an array is closed with ']'"),
      new Rule("Unexpected end-of-input.*", m -> "the document ends too soon"),
      new Rule("Unexpected close marker '(.)': expected '(.)'.*",
          m -> "'" + m.group(1) + "' where '" + m.group(2) + "' should close what is open"),
      new Rule("Unexpected close marker '(.)'.*", m -> "'" + m.group(1) + "' closes nothing that is open"));

  private JsonSyntax() {}

  /** What is wrong, in the bundle's words; never the parser's own message. */
  public static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(original);
      if (m.matches()) {
        return rule.says().apply(m);
      }
    }
    return e instanceof StreamConstraintsException ? "the document exceeds a limit of the reader" : "not valid JSON";
  }

  private static String expected(String what) {
    if (what.startsWith("was expecting double-quote to start field name")) {
      return "expected a member name in double quotes";
    }
    if (what.startsWith("was expecting a colon")) {
      return "expected ':' after a member name";
    }
    if (what.startsWith("was expecting comma to separate Object entries")) {
      return "expected ',' or '}' after a member's value";
    }
    if (what.startsWith("was expecting comma to separate Array entries")) {
      return "expected ',' or ']' after an item";
    }
    if (what.startsWith("expected a hex-digit")) {
      return "a \\u escape takes four hex digits";
    }
    if (what.startsWith("maybe a (non-standard) comment")) {
      return "JSON has no comments";
    }
    return "expected " + VALUES;
  }

  /** A character the parser quoted by its code: itself if it is printable ASCII, else U+XXXX. */
  private static String character(String code) {
    int c = Integer.parseInt(code);
    return c > 0x20 && c < 0x7F && c != '\'' ? "'" + (char) c + "'" : codePoint(code);
  }

  private static String codePoint(String code) {
    return String.format(Locale.ROOT, "U+%04X", Integer.parseInt(code));
  }

  /**
   * Text the input held, quoted and made safe to print anywhere: a control character or a lone
   * surrogate is written as U+XXXX, and a long text is cut.
   */
  public static String shown(String text) {
    StringBuilder out = new StringBuilder("'");
    int i = 0;
    for (int shown = 0; i < text.length() && shown < 60; i++, shown++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        out.append(String.format(Locale.ROOT, "U+%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(i < text.length() ? "…'" : "'").toString();
  }
}
