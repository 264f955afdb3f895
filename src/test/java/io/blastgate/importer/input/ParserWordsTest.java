package io.blastgate.importer.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.testing.InternalNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsers' complaints reach a report in our words: what is wrong and where, never a library's
 * setting, class or jargon ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code
 * JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, "encapsulated token"), nor the name of a file the
 * server made.
 */
class ParserWordsTest {
  @TempDir Path dir;

  private static final String HEAD = "{\"format\": \"blastgate.bundle/v1\", \"source\": \"s\", \"workloads\": [";

  /** Broken JSON, each with what the report must say (after "malformed JSON at line L, column C: "). */
  private static final Map<String, String> JSON = new LinkedHashMap<>();

  static {
    JSON.put(HEAD + "{\"id\": \"a\", \"kind\": NaN}]}", "NaN/Infinity is not a JSON number ('NaN'); write the number, or leave the field out");
    JSON.put(HEAD + "{\"id\": -Infinity}]}", "NaN/Infinity is not a JSON number ('-Infinity'); write the number, or leave the field out");
    JSON.put(HEAD + "[".repeat(1200) + "]".repeat(1200) + "]}", "nesting deeper than 1000 levels");
    JSON.put(HEAD + "{\"id\": " + "9".repeat(1500) + "}]}", "a number longer than 1000 characters");
    JSON.put(HEAD + "{\"id\": \"a\",}]}", "unexpected character '}': expected a member name in double quotes");
    JSON.put(HEAD + "{\"id\" \"a\"}]}", "unexpected character '\"': expected ':' after a member name");
    JSON.put(HEAD + "{\"id\": \"a\" \"kind\": 1}]}", "unexpected character '\"': expected ',' or '}' after a member's value");
    JSON.put(HEAD + "{} {}]}", "unexpected character '{': expected ',' or ']' after an item");
    JSON.put(HEAD + "{\"id\": 'a'}]}", "unexpected character U+0027: expected a string, a number, an object, an array, true, false or null");
    JSON.put(HEAD + "{\"id\": /* c */ 1}]}", "unexpected character '/': JSON has no comments");
    JSON.put(HEAD + "{\"id\": tru}]}", "unexpected word 'tru': expected a string, a number, an object, an array, true, false or null (text goes in double quotes)");
    JSON.put(HEAD + "{\"id\": \"a\nb\"}]}", "a control character (U+000A) inside a string: write it as an escape such as \\n or \\u0009");
    JSON.put(HEAD + "{\"id\": \"\\q\"}]}", "unknown escape \\'q' in a string (the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)");
    JSON.put(HEAD + "{\"id\": \"\\u12G4\"}]}", "unexpected character 'G': a \\u escape takes four hex digits");
    JSON.put(HEAD + "{\"id\": 01}]}", "a number with a leading zero");
    JSON.put(HEAD + "{\"id\": 1.}]}", "a malformed number: unexpected character '}'");
    JSON.put(HEAD + "{\"id\": +1}]}", "a malformed number: unexpected character '+'");
    JSON.put(HEAD + "{\"id\": \"a", "the document ends inside a string");
    JSON.put(HEAD + "{\"i", "the document ends inside a member name");
    JSON.put(HEAD + "{\"id\": \"a\"}]", "the document ends before an object is closed with '}'");
    JSON.put(HEAD + "{\"id\": \"a\"}", "the document ends before an array is closed with ']'");
    JSON.put(HEAD + "{\"id\": \"a\"]}", "']' where '}' should close what is open");
    JSON.put(HEAD + "]}}", "'}' closes nothing that is open");
    JSON.put(HEAD + "{\"id\": \"a\", \"id\": \"b\"}]}", "member 'id' appears twice in one object");
    JSON.put(HEAD + "\u0000]}", "a control character (U+0000) between values: only spaces, tabs and line breaks may stand there");
    JSON.put(HEAD + "{\"" + "k".repeat(60_000) + "\": 1}]}", "a member name longer than 50000 characters");
  }

  @Test
  void everyMalformedJsonIsSaidInOurWordsAtItsPlace() {
    JSON.forEach((json, says) -> {
      Reading r = Reading.json(dir, json.getBytes(StandardCharsets.UTF_8));
      assertThat(r.errors()).as(json.length() > 120 ? json.substring(0, 120) : json).singleElement().satisfies(e -> {
        assertThat(e.message()).matches("malformed JSON at line \\d+, column \\d+: .*; nothing after it was checked");
        assertThat(e.message()).contains(": " + says + "; nothing after");
        assertThat(e.location()).matches("(/workloads.*)?");
        assertThat(InternalNames.find(e.message())).isNull();
      });
    });
  }

  @Test
  void csvThatDoesNotParseIsSaidInOurWordsAtItsFileAndLine() {
    Reading unclosed = Reading.csv(dir.resolve("a"), Map.of("owners.csv", bytes("id,kind\nteam:a,team\n\"team:b,team\nteam:c,team\n")));
    assertThat(unclosed.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("owners.csv:3");
      assertThat(e.message()).isEqualTo("a quoted cell that starts on this line is never closed (a '\"' is missing);"
          + " the rest of owners.csv was not checked");
    });
    assertThat(unclosed.handedOn()).containsExactly("team:a");

    Reading afterQuote = Reading.csv(dir.resolve("b"), Map.of("owners.csv", bytes("id,kind\n\"team:a\"x,team\n")));
    assertThat(afterQuote.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("owners.csv:2");
      assertThat(e.message()).startsWith("a character follows the closing '\"' of a quoted cell");
    });
  }

  @Test
  void anArchiveIsSaidInOurWordsAndItsEntriesByTheirPathsInside() {
    Path slip = Reading.zip(dir.resolve("upload.zip"), Map.of("owners.csv", bytes("id,kind\n"), "../evil.csv", bytes("x")));
    assertThat(Reading.of(slip, "").errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("../evil.csv");
      assertThat(e.message()).isEqualTo("an entry outside the archive's folder (its path starts at a root or climbs out"
          + " with '..'); nothing was unpacked");
    });
    assertThat(Reading.of(slip, "upload.zip").errors()).extracting(Problems.Message::location)
        .containsExactly("upload.zip!../evil.csv");

    byte[] zip = bytes(slip);
    Path truncated = Reading.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(zip, zip.length - 30));
    assertThat(Reading.of(truncated, "").errors()).containsExactly(new Problems.Message("",
        "not a readable zip archive (its directory of entries is missing or damaged)"));
    // A comment said to run past the archive's end: the zip library fails with an EOFException there,
    // which was taken for a failure of the server's own disk.
    byte[] longComment = zip.clone();
    longComment[zip.length - 2] = (byte) 0xFF;
    longComment[zip.length - 1] = (byte) 0xFF;
    assertThat(Reading.of(Reading.write(dir.resolve("comment.zip"), longComment), "").errors())
        .containsExactly(new Problems.Message("", "not a readable zip archive (its directory of entries is missing or damaged)"));
  }

  @Test
  void theEntryWhoseDataIsDamagedIsNamed() {
    Path good = Reading.zip(dir.resolve("good.zip"), Map.of("owners.csv", bytes("id,kind\n" + "team:a,team\n".repeat(200))));
    byte[] zip = bytes(good);
    // The compressed data starts after the local header (30 bytes and the name); spoil some of it.
    for (int i = 30 + "owners.csv".length() + 2; i < 30 + "owners.csv".length() + 12; i++) {
      zip[i] = (byte) 0xFF;
    }
    List<Problems.Message> errors = Reading.of(Reading.write(dir.resolve("bad.zip"), zip), "").errors();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("owners.csv");
      assertThat(e.message()).isEqualTo("this entry is damaged and cannot be unpacked");
    });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path file) {
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
