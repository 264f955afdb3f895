package io.blastgate.importer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text is Unicode, read from UTF-8, or it is refused where it stands: a lone surrogate escape merged
 * two ids into one ('?' in the graph), and bytes that are not UTF-8 were rewritten ({@code C0 AF} as
 * '/', {@code F4 90 80 80} as '??').
 */
class TextIsUnicodeTest {
  @TempDir Path dir;

  private static final String HEAD = "{\"format\": \"blastgate.bundle/v1\", \"source\": \"s\",\n";

  @Test
  void aLoneSurrogateIsRefusedWhereverItStandsAndItsEntityIsNotHandedOn() {
    Reading r = json(HEAD + """
        "workloads": [
          {"id": "fz:wl/ok", "kind": "service", "name": "\\ud83d\\ude00 a pair is fine"},
          {"id": "fz:wl/\\ud800x", "kind": "service"},
          {"id": "fz:wl/\\udbffx", "kind": "service"},
          {"id": "fz:wl/n", "kind": "service", "name": "tail \\udc00"},
          {"id": "fz:wl/t", "kind": "service", "tags": ["a", "\\udfff"]}]}
        """);

    assertThat(r.errors()).extracting(Problems.Message::location).containsExactly(
        "/workloads/1/id", "/workloads/2/id", "/workloads/3/name", "/workloads/4/tags/1");
    assertThat(r.errors().get(0).message())
        .isEqualTo("this string holds an unpaired surrogate (\\uD800 at character 7): JSON text must be Unicode,"
            + " and \\uD800 to \\uDBFF must be followed by \\uDC00 to \\uDFFF");
    assertThat(r.handedOn()).containsExactly("fz:wl/ok");
  }

  @Test
  void aLoneSurrogateInTheSourceOrAMemberNameIsRefusedAndNeverEchoed() {
    Reading source = json("{\"format\": \"blastgate.bundle/v1\", \"source\": \"s\\ud800\"}");
    assertThat(source.errors()).extracting(Problems.Message::location).containsExactly("/source");

    Reading name = json(HEAD + "\"workloads\": [{\"id\": \"fz:wl/k\", \"x\\ud800\": 1}]}");
    assertThat(name.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("/workloads/0/id");
      assertThat(e.message()).isEqualTo("malformed JSON at line 2, column 41: an unpaired surrogate escape:"
          + " \\uD800 to \\uDBFF must be followed by \\uDC00 to \\uDFFF; nothing after it was checked");
    });
  }

  /** Overlong, an encoded surrogate, above U+10FFFF, a continuation byte alone, a byte never used. */
  @ParameterizedTest
  @ValueSource(strings = {"C0 AF", "E0 80 AF", "ED A0 80", "F4 90 80 80", "80", "FF"})
  void bytesThatAreNotUtf8AreRefusedWhereTheyStandInJson(String hex) {
    byte[] bad = HexFormat.ofDelimiter(" ").parseHex(hex);
    Reading r = json(bytes(HEAD + "\"workloads\": [\n  {\"kind\": \"service\", \"id\": \"fz:wl/", bad, "x\"}]}"));

    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("/workloads/0/id");
      assertThat(e.message()).isEqualTo("not UTF-8 at line 3, column 36 (bytes " + hex
          + "): save the bundle as UTF-8; nothing after it was checked");
    });
    assertThat(r.handedOn()).isEmpty();
  }

  @Test
  void aCharacterCutShortAtTheEndIsRefusedAndAByteOrderMarkIsFine() {
    Reading cut = json(bytes(HEAD + "\"workloads\": []}", new byte[] {(byte) 0xE2, (byte) 0x82}, ""));
    assertThat(cut.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("not UTF-8 at line 2"));

    Reading bom = json(bytes("\uFEFF" + HEAD + "\"workloads\": [{\"id\": \"fz:wl/é\", \"kind\": \"service\"}]}"));
    assertThat(bom.errors()).isEmpty();
    assertThat(bom.handedOn()).containsExactly("fz:wl/é");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAtTheirFileAndLineInCsv() {
    byte[] workloads = bytes("id,kind,name\nwl:a,service,fine\nwl:b,service,na", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "me\nwl:c,service,x\n");
    Reading r = Reading.csv(dir, Map.of("workloads.csv", workloads, "owners.csv", bytes("id,kind\nteam:a,team\n")));

    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("workloads.csv:3");
      assertThat(e.message()).isEqualTo("not UTF-8 at column 16 (bytes F4 90 80 80): save the file as CSV UTF-8;"
          + " the rest of workloads.csv was not checked");
    });
    assertThat(r.handedOn()).containsExactly("wl:a", "team:a");
  }

  private Reading json(String text) {
    return json(text.getBytes(StandardCharsets.UTF_8));
  }

  private Reading json(byte[] bytes) {
    return Reading.json(dir, bytes);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes(before));
    out.writeBytes(middle);
    out.writeBytes(bytes(after));
    return out.toByteArray();
  }
}
