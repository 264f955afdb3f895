package io.blastgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether a command's output has the shape the README shows, modulo what differs from run to run.
 *
 * <ul>
 *   <li>JSON (the README's output starts with <code>{</code> or <code>[</code>) is compared as JSON:
 *       the same keys, the same array lengths, the same values; a string the README cuts with
 *       {@code …} matches any text in its place; a key ending in {@code _ms} (a duration) matches any
 *       number.
 *   <li>Text is compared line by line: a line that is only {@code …} stands for any number of lines,
 *       a {@code …} inside a line for any text; runs of spaces count as one, and blank lines before
 *       the first and after the last do not count.
 *   <li>Both sides first mask tokens (43 characters of base64url), run and request ids (a UUID, or its
 *       first group followed by {@code -…}) and durations in milliseconds.
 * </ul>
 */
final class OutputShape {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELLIPSIS = "…";
  private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");
  private static final Pattern UUID = Pattern.compile("\\b[0-9a-f]{8}-(?:[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|…)");
  private static final Pattern MILLIS = Pattern.compile("\\b\\d+ ms\\b");

  private OutputShape() {}

  /** Empty when {@code actual} has the shape of {@code expected}; else what differs first. */
  static Optional<String> mismatch(List<String> expected, String actual) {
    String shown = String.join("\n", expected).strip();
    if (shown.startsWith("{") || shown.startsWith("[")) {
      return json(shown, actual);
    }
    List<String> want = expected.stream().map(OutputShape::normal).toList();
    List<String> got = actual.lines().map(OutputShape::normal).toList();
    while (!got.isEmpty() && got.getFirst().isEmpty()) {
      got = got.subList(1, got.size());
    }
    while (!got.isEmpty() && got.getLast().isEmpty()) {
      got = got.subList(0, got.size() - 1);
    }
    while (!want.isEmpty() && want.getLast().isEmpty()) {
      want = want.subList(0, want.size() - 1);
    }
    return lines(want, 0, got, 0) ? Optional.empty()
        : Optional.of("the output is not what the README shows.\n--- README:\n" + String.join("\n", want)
            + "\n--- printed:\n" + String.join("\n", got));
  }

  static String normal(String line) {
    String s = TOKEN.matcher(line).replaceAll("<token>");
    s = UUID.matcher(s).replaceAll("<id>");
    s = MILLIS.matcher(s).replaceAll("<n> ms");
    return s.strip().replaceAll(" {2,}", " ");
  }

  private static boolean lines(List<String> want, int w, List<String> got, int g) {
    if (w == want.size()) {
      return g == got.size();
    }
    if (want.get(w).equals(ELLIPSIS)) {
      for (int skip = g; skip <= got.size(); skip++) {
        if (lines(want, w + 1, got, skip)) {
          return true;
        }
      }
      return false;
    }
    return g < got.size() && glob(want.get(w), got.get(g)) && lines(want, w + 1, got, g + 1);
  }

  /** {@code text} matches {@code pattern}, where each {@code …} stands for any text. */
  static boolean glob(String pattern, String text) {
    if (!pattern.contains(ELLIPSIS)) {
      return pattern.equals(text);
    }
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split(ELLIPSIS, -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }

  private static Optional<String> json(String shown, String actual) {
    JsonNode want;
    JsonNode got;
    try {
      want = JSON.readTree(shown);
    } catch (Exception e) {
      return Optional.of("the README's JSON does not parse: " + e.getMessage());
    }
    try {
      got = JSON.readTree(actual);
    } catch (Exception e) {
      return Optional.of("the README shows JSON, the command printed:\n" + actual);
    }
    List<String> problems = new ArrayList<>();
    compare("$", want, got, problems);
    return problems.isEmpty() ? Optional.empty()
        : Optional.of(String.join("\n", problems) + "\n--- printed:\n" + actual);
  }

  private static void compare(String at, JsonNode want, JsonNode got, List<String> problems) {
    if (want.isObject() && got.isObject()) {
      TreeSet<String> wantKeys = new TreeSet<>();
      want.fieldNames().forEachRemaining(wantKeys::add);
      TreeSet<String> gotKeys = new TreeSet<>();
      got.fieldNames().forEachRemaining(gotKeys::add);
      if (!wantKeys.equals(gotKeys)) {
        problems.add(at + ": keys " + gotKeys + ", the README shows " + wantKeys);
        return;
      }
      for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.endsWith("_ms") && want.get(k).isNumber() && got.get(k).isNumber()) {
          continue; // a duration: a number on both sides is all that can be asked of it
        }
        compare(at + "." + k, want.get(k), got.get(k), problems);
      }
    } else if (want.isArray() && got.isArray()) {
      if (want.size() != got.size()) {
        problems.add(at + ": " + got.size() + " items, the README shows " + want.size());
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        compare(at + "[" + i + "]", want.get(i), got.get(i), problems);
      }
    } else if (want.isTextual() && got.isTextual()) {
      if (!glob(normal(want.asText()), normal(got.asText()))) {
        problems.add(at + ": \"" + got.asText() + "\", the README shows \"" + want.asText() + "\"");
      }
    } else if (!want.equals(got)) {
      problems.add(at + ": " + got + ", the README shows " + want);
    }
  }
}
