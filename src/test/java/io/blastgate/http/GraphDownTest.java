package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** A graph that does not answer: a real driver pointed at a closed loopback port. */
class GraphDownTest {
  private static Driver driver;

  @RegisterExtension static final TestApi api = TestApi.on(GraphDownTest::graphThatDoesNotAnswer);

  /** A real driver pointed at a loopback port that nothing listens on. */
  private static Graph graphThatDoesNotAnswer() {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver =
        GraphDatabase.driver(
            "bolt://127.0.0.1:" + closedPort,
            AuthTokens.basic("neo4j", "unused"),
            Config.builder()
                .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
                .withConnectionTimeout(2, TimeUnit.SECONDS)
                .build());
    return new Graph(driver, "neo4j", Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeDriver() {
    driver.close();
  }

  @Test
  void healthSaysDegradedWith503() throws IOException {
    ContractTest.validator();
    HttpResponse<String> r = api.get("/api/v1/health", null);
    ContractTest.assertValidResponse(r, 503);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(r.body()).isEqualTo("{\"status\":\"degraded\",\"graph\":\"down\",\"version\":\"" + TestApi.VERSION + "\"}");
  }

  @Test
  void aRouteThatNeedsTheGraphAnswers503GraphUnavailable() throws IOException {
    for (String path : new String[] {"/api/v1/entities?id=cred:stripe-key", "/api/v1/entities?q=stripe"}) {
      HttpResponse<String> r = api.get(path, "viewer");
      ProblemsTest.assertProblem(r, 503, "graph-unavailable");
      ContractTest.validator();
      ContractTest.assertValidResponse(r, 503);
      assertThat(r.body()).doesNotContain("bolt", "127.0.0.1", "Neo4j");
    }
  }
}
