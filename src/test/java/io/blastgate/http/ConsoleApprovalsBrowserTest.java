package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's approval queue in a real browser (headless Chromium), over the real server on a real
 * Neo4j: a request to revoke the worked example's shared key waits for two people; someone outside
 * the teams that would break is refused; a person of payments, then one of web, approve it from the
 * page, and it runs.
 */
@ExtendWith(TestGraph.class)
class ConsoleApprovalsBrowserTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
    TestGraph.database().executeTransactionally(
        "MERGE (s:Source {name: 'payments-inventory'}) SET s.last_synced = datetime() - duration('PT1H')");
    TestGraph.database().executeTransactionally("MATCH (web:Owner {id: 'team:web'})"
        + " CREATE (:Entity:Owner {id: 'person:bo', name: 'Bo', kind: 'person'})-[:MEMBER_OF]->(web)");
  }

  @Test
  void twoPeopleOfTheTeamsThatWouldBreakApproveFromThePage() throws Exception {
    var r = api.post("/api/v1/actions", "responder", "application/json", ("{\"target\": \"cred:stripe-key\","
        + " \"action\": \"revoke_credential\", \"confidence\": \"high\", \"reason\": \"in a paste\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode asked = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    String id = asked.get("id").asText();
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      WebDriver page = chromium.driver;
      assertThat(approveAs(page, "approver", id)).startsWith("Refused (403): person:approver may not approve");
      assertThat(approveAs(page, "ana", id)).isEqualTo("Now pending_approval.");
      WebElement card = page.findElement(By.cssSelector("#queue li[data-id='" + id + "']"));
      assertThat(card.getText()).contains("revoke_credential on cred:stripe-key",
          "would break 4 workloads (1 critical, 1 unowned), teams team:payments, team:web",
          "critical-impacted: 1 critical workload would break", "approvals 0 of 2");
      assertThat(approveAs(page, "bo", id)).isEqualTo("Now executed: the graph records cred:stripe-key as revoked.");

      // The auditor sees every step, and that the chain verifies; then a tampered entry.
      signIn(page, "auditor");
      page.findElement(By.id("tab-audit")).click();
      By verified = By.cssSelector("#audit-verified[data-verified='true']");
      HeadlessChromium.await("the verified audit trail", PATIENCE, () -> !page.findElements(verified).isEmpty());
      assertThat(page.findElements(By.cssSelector("#audit-entries tbody tr"))).hasSize(6);
      TestGraph.database().executeTransactionally("MATCH (e:AuditEntry {seq: 3}) SET e.actor = 'person:mallory'");
      page.findElement(By.id("tab-radius")).click();
      page.findElement(By.id("tab-audit")).click();
      By broken = By.cssSelector("#audit-verified[data-verified='false']");
      HeadlessChromium.await("the broken audit trail", PATIENCE, () -> !page.findElements(broken).isEmpty());
      assertThat(page.findElement(By.id("audit-problems")).getText()).contains("entry 3");
    }
  }

  private static void signIn(WebDriver page, String token) {
    page.get(api.base.resolve("/").toString());
    ((org.openqa.selenium.JavascriptExecutor) page).executeScript("sessionStorage.clear()");
    page.navigate().refresh();
    page.findElement(By.id("token")).sendKeys(api.token(token));
    page.findElement(By.id("sign-in-button")).click();
    HeadlessChromium.await("the console after signing in", PATIENCE, () -> page.findElement(By.id("tabs")).isDisplayed());
  }

  /** Signs in with a token, opens the approvals, approves the request; answers what the page says. */
  private static String approveAs(WebDriver page, String token, String id) {
    signIn(page, token);
    page.findElement(By.id("tab-approvals")).click();
    By card = By.cssSelector("#queue li[data-id='" + id + "']");
    HeadlessChromium.await("the request in the queue", PATIENCE, () -> !page.findElements(card).isEmpty());
    By pressed = By.cssSelector("#queue li[data-id='" + id + "'] .outcome");
    page.findElement(card).findElement(By.cssSelector("button.approve")).click();
    try {
      // The button's handler writes "…" at once; a page that shows nothing never received the click (a
      // CI run once waited a minute on one): click once more, and only then wait for the answer.
      HeadlessChromium.await("the click to reach the page", Duration.ofSeconds(10),
          () -> !page.findElement(pressed).getText().isEmpty());
    } catch (AssertionError lost) {
      System.err.println("ConsoleApprovalsBrowserTest: the approve click as " + token + " did not reach the page; clicking again");
      page.findElement(card).findElement(By.cssSelector("button.approve")).click();
    }
    By outcome = By.cssSelector("#queue li[data-id='" + id + "'] .outcome[data-status]");
    try {
      HeadlessChromium.await("the approval's outcome", PATIENCE, () -> !page.findElements(outcome).isEmpty());
    } catch (AssertionError e) {
      // Say what the page shows: "…" is an answer still awaited, no outcome at all a click that was lost.
      throw new AssertionError(e.getMessage() + " as " + token + "; the page shows: "
          + page.findElement(By.id("approvals-status")).getText() + " | " + page.findElement(By.id("queue")).getText(), e);
    }
    return page.findElement(outcome).getText();
  }
}
