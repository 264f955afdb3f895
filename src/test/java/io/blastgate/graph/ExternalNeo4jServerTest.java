package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.testing.ExternalNeo4jServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program's own graph code against a Neo4j server in another process, reached by URI, user and
 * password: the path every deployment with an external server or cluster takes. One server serves the
 * class (starting one costs seconds); each test empties its data first.
 */
@Tag("external")
class ExternalNeo4jServerTest {
  private static final Duration PATIENT = Duration.ofSeconds(60);
  private static final Duration IMPATIENT = Duration.ofSeconds(3);

  private static ExternalNeo4jServer server;

  @BeforeAll
  static void startServer() {
    server = ExternalNeo4jServer.launch();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void emptyGraph() {
    try (GraphConnection connection = GraphConnection.open(server.settings(server.boltUri(), PATIENT))) {
      connection.graph().writeTx("empty", tx -> tx.run(TestQuery.DELETE_MARKERS, Map.of()).consume());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bolt", "neo4j"})
  void opensByUriAppliesTheMigrationsAndRoundTrips(String scheme) {
    try (GraphConnection connection = GraphConnection.open(server.settings(uri(scheme), PATIENT))) {
      assertThat(connection.uri()).hasScheme(scheme);
      assertThat(connection.graph().hasPlugin()).as("a server without the blastgate plugin").isFalse();
      assertThat(constraints(connection.graph()))
          .contains("entity_id", "source_name", "migration_version")
          .doesNotContain("identity_id", "credential_id", "workload_id", "owner_id");
      assertThat(schema(connection.graph()))
          .contains(
              "entity_id RANGE constraint",
              "identity_id RANGE", "credential_id RANGE", "workload_id RANGE", "owner_id RANGE",
              "entity_search FULLTEXT");
      long applied =
          connection.graph().read(HousekeepingQuery.APPLIED_MIGRATIONS, Map.of(), r -> (long) r.list().size());
      assertThat(applied).isEqualTo(Migrations.FILES.size());

      connection.graph().writeTx("seed", tx -> tx.run(TestQuery.CREATE_MARKER, Map.of()).consume());
      assertThat(markers(connection.graph())).isEqualTo(1);
    }
  }

  @Test
  void aWrongPasswordFailsWithAClearErrorThatDoesNotRepeatThePassword() {
    String wrong = "not-" + server.password();
    GraphSettings right = server.settings(server.boltUri(), PATIENT);
    GraphSettings settings =
        new GraphSettings(
            right.uri(),
            right.user(),
            Optional.of(new GraphSettings.Secret(wrong)),
            right.database(),
            right.dataDir(),
            right.boltPort(),
            right.pageCacheBytes(),
            right.queryTimeout(),
            right.maxRetryTime());

    assertThatThrownBy(() -> GraphConnection.open(settings))
        .isInstanceOf(GraphUnavailable.class)
        .hasMessageContaining(server.boltUri().toString())
        .hasMessageContaining("rejected the credentials of user 'neo4j'")
        .hasMessageNotContaining(wrong);
  }

  /**
   * Managed transactions retry while the server is away: a read that starts during an outage waits
   * and completes once the server is back within its retry time; a read whose retry time runs out
   * first fails closed. Both schemes ride out the same outage, to keep the test's time down.
   */
  @Test
  void managedReadsRideOutARestartAndFailClosedWhenTheServerStaysDown() throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(4);
    try (GraphConnection patientBolt = GraphConnection.open(server.settings(server.boltUri(), PATIENT));
        GraphConnection patientRouting = GraphConnection.open(server.settings(server.neo4jUri(), PATIENT));
        GraphConnection impatientBolt = GraphConnection.open(server.settings(server.boltUri(), IMPATIENT));
        GraphConnection impatientRouting =
            GraphConnection.open(server.settings(server.neo4jUri(), IMPATIENT))) {
      patientBolt.graph().writeTx("seed", tx -> tx.run(TestQuery.CREATE_MARKER, Map.of()).consume());

      server.stop();
      Future<Long> boltRead = readers.submit(() -> markers(patientBolt.graph()));
      Future<Long> routedRead = readers.submit(() -> markers(patientRouting.graph()));
      Future<Long> boltGivesUp = readers.submit(() -> markers(impatientBolt.graph()));
      Future<Long> routedGivesUp = readers.submit(() -> markers(impatientRouting.graph()));

      for (Future<Long> impatient : List.of(boltGivesUp, routedGivesUp)) {
        assertThat(impatient)
            .failsWithin(Duration.ofSeconds(60))
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .havingCause()
            .isInstanceOf(GraphUnavailable.class);
      }
      // The patient reads began before the impatient ones and have been retrying at least as long.
      assertThat(boltRead).as("bolt:// read while the server is down").isNotDone();
      assertThat(routedRead).as("neo4j:// read while the server is down").isNotDone();

      server.start();
      assertThat(boltRead.get(PATIENT.toSeconds(), TimeUnit.SECONDS)).as("bolt:// read").isEqualTo(1);
      assertThat(routedRead.get(PATIENT.toSeconds(), TimeUnit.SECONDS)).as("neo4j:// read").isEqualTo(1);
    } finally {
      readers.shutdownNow();
      if (!server.isRunning()) {
        server.start(); // the next test needs it, even after a failure here
      }
    }
  }

  private static URI uri(String scheme) {
    return switch (scheme) {
      case "bolt" -> server.boltUri();
      case "neo4j" -> server.neo4jUri();
      default -> throw new IllegalArgumentException(scheme);
    };
  }

  /** Each index as "name TYPE", plus " constraint" when a constraint owns it. */
  private static List<String> schema(Graph graph) {
    return graph.read(
        TestQuery.LIST_SCHEMA,
        Map.of(),
        r -> r.list(x -> x.text("name") + " " + x.text("type")
            + (x.flag("constraint") ? " constraint" : "")));
  }

  private static List<String> constraints(Graph graph) {
    return graph.read(
        TestQuery.LIST_CONSTRAINTS, Map.of(), r -> r.list(row -> row.text("name")));
  }

  private static long markers(Graph graph) {
    return graph.read(TestQuery.COUNT_MARKERS, Map.of(), r -> r.single().number("markers"));
  }
}
