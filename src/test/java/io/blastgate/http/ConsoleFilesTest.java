package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's files over real HTTP: served from the jar without a token, with a strict policy. */
@ExtendWith(TestGraph.class)
class ConsoleFilesTest {
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @Test
  void thePageIsServedAtTheRootWithAStrictPolicy() {
    HttpResponse<String> page = api.get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Console.CONTENT_SECURITY_POLICY);
    assertThat(Console.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // No inline script or style: everything the page runs comes from a file the policy allows.
    assertThat(page.body()).doesNotContain("<script>").doesNotContain("<style").doesNotContain("style=").doesNotContain(" on");
    assertThat(page.body()).doesNotContain("${");
  }

  @Test
  void theScriptsThePageNamesAreServed() {
    String body = api.get("/", null).body();
    Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(body);
    int count = 0;
    while (scripts.find()) {
      HttpResponse<String> script = api.get(scripts.group(1), null);
      assertThat(script.statusCode()).as(scripts.group(1)).isEqualTo(200);
      assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
      count++;
    }
    assertThat(count).as("cytoscape, graph.js, console.js, queue.js").isEqualTo(4);
    assertThat(body).contains("/webjars/cytoscape/");
    assertThat(api.get("/console.css", null).statusCode()).isEqualTo(200);
  }

  /** api/README.md says what is served outside the contract: every file of the console, by name. */
  @Test
  void theApiDocumentListsTheConsolesFiles() throws IOException {
    String doc = Files.readString(Path.of("api/README.md"));
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/console"))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.equals("index.html")) {
          assertThat(doc).as(name).contains("`/" + name + "`");
        }
        assertThat(api.get(name.equals("index.html") ? "/" : "/" + name, null).statusCode()).as(name).isEqualTo(200);
      }
    }
    assertThat(doc).contains("`/webjars/`");
  }

  @Test
  void theApiStillAsksForAToken() {
    assertThat(api.get("/api/v1/blast-radius?target=x", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/v1/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownPathIsStillANotFoundProblem() {
    HttpResponse<String> r = api.get("/no-such-page", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/no-such-route", "viewer").statusCode()).isEqualTo(404);
  }
}
