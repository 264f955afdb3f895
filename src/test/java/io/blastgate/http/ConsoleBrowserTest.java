package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.testing.TestGraph;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Issue 9's "picture", done: the console shows the blast radius of the demo organisation's most-shared
 * secret in a real browser (Debian's headless Chromium through Selenium), over the real server on a
 * real Neo4j. The demo bundle is imported over HTTP, as a source would; the page is used as a responder
 * would: sign in with a token, search, click, read.
 */
@ExtendWith(TestGraph.class)
class ConsoleBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** Where the screenshot goes; docs/console.png is a copy of one. */
  static final Path SCREENSHOT = Path.of("target/console.png");

  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @Test
  void theConsoleDrawsTheDemosMostSharedSecret() throws Exception {
    importTheDemo();
    Map<String, Object> secret = mostSharedSecret();
    String secretId = (String) secret.get("id");
    JsonNode answer =
        JSON.readTree(api.get("/api/v1/blast-radius?target=" + encode(secretId), "viewer").body());
    assertThat(answer.at("/shared_secrets/0/consumer_count").asLong()).isEqualTo(secret.get("consumers"));

    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      var page = chromium.driver;
      page.get(api.base.resolve("/").toString());
      page.findElement(By.id("token")).sendKeys(api.token("viewer"));
      page.findElement(By.id("sign-in-button")).click();
      HeadlessChromium.await("the console after signing in", PATIENCE, () -> page.findElement(By.id("console")).isDisplayed());
      assertThat(page.getCurrentUrl()).doesNotContain(api.token("viewer"));

      page.findElement(By.id("query")).sendKeys((String) secret.get("name"));
      page.findElement(By.id("search-button")).click();
      By result = By.cssSelector("#results button[data-id='" + secretId + "']");
      HeadlessChromium.await("the secret among the search results", PATIENCE, () -> !page.findElements(result).isEmpty());
      page.findElement(result).click();
      HeadlessChromium.await("the drawn blast radius", PATIENCE, () -> !"loading".equals(state(chromium)) && state(chromium) != null);
      assertThat(state(chromium)).as(page.findElement(By.id("status")).getText()).isEqualTo("drawn");

      // The drawn graph: one node per entity of the answer, every one reachable from the target.
      assertThat(((Number) chromium.script("return window.blastgateGraph.nodes().length")).intValue())
          .isEqualTo(expectedNodes(answer).size());
      assertThat(((Number) chromium.script(
              "const cy = window.blastgateGraph;"
                  + "return cy.elements().bfs({roots: cy.getElementById(arguments[0]), directed: false}).path.nodes().length",
              secretId)).intValue())
          .isEqualTo(expectedNodes(answer).size());
      assertThat(chromium.script("return window.blastgateGraph.getElementById(arguments[0]).data('shared')", secretId))
          .isEqualTo(true);

      // The summary beside it, figure by figure.
      JsonNode s = answer.get("summary");
      assertThat(figure(page, "total")).isEqualTo(s.get("total").asText());
      assertThat(figure(page, "direct")).isEqualTo(s.get("direct").asText());
      assertThat(figure(page, "deepest_hops")).isEqualTo(s.get("deepest_hops").asText());
      for (String level : new String[] {"critical", "high", "medium", "low", "unknown"}) {
        assertThat(figure(page, level)).as(level).isEqualTo(s.at("/by_criticality/" + level).asText());
      }
      assertThat(figure(page, "unowned")).isEqualTo(s.get("unowned").asText());
      assertThat(figure(page, "shared_secret")).isEqualTo("yes");
      assertThat(figure(page, "teams").split(", ")).hasSize(s.get("teams").size());

      // A click on the deepest workload shows its owners and its path from the target.
      JsonNode deepest = answer.get("impacted").get(answer.get("impacted").size() - 1);
      chromium.script("window.blastgateGraph.getElementById(arguments[0]).emit('tap')", deepest.get("id").asText());
      String details = page.findElement(By.id("details")).getText();
      assertThat(details).contains(deepest.get("name").asText()).contains("Owners").contains("Path from the target");
      deepest.get("owners").forEach(o -> assertThat(details).contains(o.get("id").asText()));
      assertThat(page.findElements(By.cssSelector("#details ol.path li")))
          .hasSize(deepest.get("hops").asInt() + 2); // the target, one workload per hop, the workload

      Files.createDirectories(SCREENSHOT.getParent());
      Files.write(SCREENSHOT, page.getScreenshotAs(OutputType.BYTES));
    }
  }

  private static void importTheDemo() throws Exception {
    byte[] bundle = Files.readAllBytes(Path.of("fixtures/demo/acme-org.json"));
    // More patience than the client's default: the import of the whole demo, on a busy machine.
    HttpResponse<String> r =
        api.send(api.request("/api/v1/imports?format=bundle&source=demo-acme")
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + api.token("importer"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bundle))
            .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** The credential that the most workloads use: found in the graph, not taken on trust. */
  private static Map<String, Object> mostSharedSecret() {
    return TestGraph.database()
        .executeTransactionally(
            "MATCH (w:Workload)-[:USES]->(c:Credential) WHERE w.status <> 'decommissioned'"
                + " WITH c, count(DISTINCT w) AS consumers ORDER BY consumers DESC, c.id LIMIT 1"
                + " RETURN c.id AS id, c.name AS name, consumers",
            Map.of(),
            rows -> rows.next());
  }

  /** The entities the console draws: target, dependent identities, impacted workloads, shared credentials. */
  private static Set<String> expectedNodes(JsonNode answer) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(answer.at("/target/id").asText());
    answer.get("dependent_identities").forEach(d -> ids.add(d.get("id").asText()));
    answer.get("impacted").forEach(w -> {
      if (w.has("via")) {
        w.get("via").forEach(step -> ids.add(step.get("id").asText()));
      }
      ids.add(w.get("id").asText());
    });
    answer.get("shared_secrets").forEach(s -> {
      if (s.get("shared").asBoolean()) {
        ids.add(s.at("/credential/id").asText());
      }
    });
    return ids;
  }

  private static String state(HeadlessChromium chromium) {
    return (String) chromium.script("return document.body.dataset.state || null");
  }

  private static String figure(org.openqa.selenium.WebDriver page, String name) {
    WebElement dd = page.findElement(By.cssSelector("#summary dd[data-figure='" + name + "']"));
    return dd.getText();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
