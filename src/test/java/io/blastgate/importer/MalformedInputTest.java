package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not bundles at all, or only partly: refused with a located problem. */
@ExtendWith(TestGraph.class)
class MalformedInputTest {
  @TempDir Path dir;

  private ImportReport run(Graph graph, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return new Importer(graph, ImportSettings.defaults()).importPath(file, Optional.empty(), ImportProgress.none());
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumnAndWhatCameBefore(Graph graph) throws IOException {
    ImportReport report = run(graph, "b.json", """
        {"format": "blastgate.bundle/v1", "source": "s",
         "workloads": [{"id": "wl:a", "kind": "servic"},
                       {"id": "wl:b", "kind": "service",}]}
        """);

    assertThat(report.errors()).extracting(ImportMessage::location).containsExactly("/workloads/1/kind", "/workloads/0/kind");
    assertThat(report.errors().get(0).message()).startsWith("malformed JSON at line 3, column");
  }

  @Test
  void aMemberGivenTwiceInOneObjectIsMalformed(Graph graph) throws IOException {
    ImportReport report = run(graph, "b.json", """
        {"format": "blastgate.bundle/v1", "source": "s", "owners": [{"id": "team:a", "kind": "team", "kind": "person"}]}
        """);

    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo(
        "malformed JSON at line 1, column 100: member 'kind' appears twice in one object; nothing after it was checked"));
  }

  @Test
  void unknownTopLevelFieldsAndSectionsOfTheWrongShape(Graph graph) throws IOException {
    ImportReport report = run(graph, "b.json", """
        {"format": "blastgate.bundle/v1", "source": "s", "workload": [], "owners": {"id": "team:a"},
         "identities": [["id:x"], null]}
        """);

    assertThat(report.errors()).extracting(ImportMessage::location)
        .containsExactly("/workload", "/owners", "/identities/0", "/identities/1");
    assertThat(report.errors()).extracting(ImportMessage::message).satisfiesExactly(
        m -> assertThat(m).isEqualTo("unknown field 'workload' (did you mean 'workloads'?)"),
        m -> assertThat(m).isEqualTo("'owners' must be an array of objects, got an object"),
        m -> assertThat(m).isEqualTo("each item of 'identities' must be an object, got an array"),
        m -> assertThat(m).isEqualTo("each item of 'identities' must be an object, got null"));
  }

  @Test
  void notABundleAtAll(Graph graph) throws IOException {
    assertThat(run(graph, "empty.json", "").errors()).extracting(ImportMessage::message)
        .singleElement().asString().contains("got an empty file");
    assertThat(run(graph, "list.json", "[]").errors()).extracting(ImportMessage::location).containsExactly("");
    ImportReport missing = new Importer(graph, ImportSettings.defaults())
        .importPath(dir.resolve("nowhere.json"), Optional.empty(), ImportProgress.none());
    assertThat(missing.errors()).containsExactly(new ImportMessage("nowhere.json", "no such file or folder"));
    ImportReport badSource = run(graph, "b.json", "{\"format\": \"blastgate.bundle/v1\", \"source\": \"a@b\"}");
    assertThat(badSource.errors()).extracting(ImportMessage::location).containsExactly("/source");
  }

  @Test
  void reportsAtMostTheCapButCountsEveryError(Graph graph) throws IOException {
    StringBuilder json = new StringBuilder("{\"format\": \"blastgate.bundle/v1\", \"source\": \"s\", \"workloads\": [");
    for (int i = 0; i < 30; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\": \"wl:").append(i).append("\", \"kind\": \"x\"}");
    }
    Path file = dir.resolve("many.json");
    Files.writeString(file, json.append("]}"));

    ImportReport report = new Importer(graph, ImportSettings.defaults().withMaxReportedErrors(10))
        .importPath(file, Optional.empty(), ImportProgress.none());

    assertThat(report.errors()).hasSize(10);
    assertThat(report.errorCount()).isEqualTo(30);
    assertThat(GraphSnapshot.count("MATCH (n) WHERE NOT n:Migration RETURN count(n)")).isZero();
  }
}
