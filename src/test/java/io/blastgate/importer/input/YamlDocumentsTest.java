package io.blastgate.importer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared YAML reader on its own: documents, lines, aliases and merge keys, and its refusals, in our words. */
class YamlDocumentsTest {
  @TempDir Path dir;

  private List<YamlDocuments.Document> read(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("f.yaml"), text);
    List<YamlDocuments.Document> documents = new ArrayList<>();
    YamlDocuments.read(file, documents::add);
    return documents;
  }

  @Test
  void documentsAreNumberedFromOneWithTheLineOfEveryNode() throws Exception {
    List<YamlDocuments.Document> docs = read("""
        # a comment, before the first document
        ---
        a: 1
        ---
        ---
        kind: Deployment
        spec:
          template:
            spec:
              serviceAccountName: web
        """);

    assertThat(docs).extracting(YamlDocuments.Document::index).containsExactly(1, 2, 3);
    assertThat(docs.get(1).root()).as("an empty document").isNull();
    assertThat(docs.get(2).lineOf("/spec/template/spec/serviceAccountName")).isEqualTo(10);
    assertThat(docs.get(2).lineOf("/spec/template/spec/missing")).isEqualTo(9);
  }

  @Test
  void aliasesAndMergeKeysAreExpanded() throws Exception {
    List<YamlDocuments.Document> docs = read("""
        base: &base {app: web, tier: front}
        labels:
          <<: *base
          tier: back
        copy: *base
        """);

    assertThat(docs.getFirst().root().at("/labels/app").asText()).isEqualTo("web");
    assertThat(docs.getFirst().root().at("/labels/tier").asText()).isEqualTo("back");
    assertThat(docs.getFirst().root().at("/copy/tier").asText()).isEqualTo("front");
  }

  @Test
  void aKeyTwiceInOneMappingIsRefusedWithItsLine() {
    assertThatThrownBy(() -> read("a: 1\nb: 2\na: 3\n"))
        .isInstanceOf(YamlDocuments.Malformed.class)
        .hasMessage("key 'a' appears twice in one mapping (line 3)");
  }

  @Test
  void anAliasToNothingIsRefused() {
    assertThatThrownBy(() -> read("a: *nowhere\n"))
        .isInstanceOf(YamlDocuments.Malformed.class)
        .hasMessageContaining("alias '*nowhere' names no anchor");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWhereTheyStand() throws IOException {
    Path file = Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC0, (byte) 0xAF, '\n'});
    assertThatThrownBy(() -> YamlDocuments.read(file, d -> {}))
        .isInstanceOf(YamlDocuments.Malformed.class)
        .hasMessageContaining("not UTF-8 at line 1")
        .hasMessageContaining("C0 AF");
  }

  @Test
  void malformedYamlIsSaidWithoutTheParsersNames() {
    assertThatThrownBy(() -> read("a: [1, 2\nb: 3\n"))
        .isInstanceOf(YamlDocuments.Malformed.class)
        .hasMessageStartingWith("malformed YAML at line")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("snakeyaml").doesNotContain("Exception"));
  }
}
