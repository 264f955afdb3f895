package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.error.BlastgateException.GraphUnavailable;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

class EmbeddedNeo4jTest {

  @Test
  void startsOnLoopbackWithAuthenticationAndKeepsDataAcrossRestarts(@TempDir Path dir) {
    GraphSettings settings = GraphSettings.embedded(dir.resolve("data"));
    String uri;
    try (GraphConnection connection = GraphConnection.open(settings)) {
      uri = connection.uri().toString();
      assertThat(uri).startsWith("bolt://127.0.0.1:");
      assertThat(connection.graph().ping()).isTrue();

      // Authentication is on: neither no credentials nor the well-known default password get in.
      for (var token : new org.neo4j.driver.AuthToken[] {AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j")}) {
        try (var driver = GraphDatabase.driver(uri, token)) {
          assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
      }
      connection.graph().writeTx("seed", tx -> tx.run(TestQuery.CREATE_MARKER, Map.of()).consume());
    }
    try (GraphConnection again = GraphConnection.open(settings)) {
      long markers = again.graph().read(TestQuery.COUNT_MARKERS, Map.of(), r -> r.single().number("markers"));
      assertThat(markers).isEqualTo(1);
    }
  }

  /** A path as a person types it ("./data", "x/../data") names the folder it means. */
  @Test
  void aDataFolderGivenWithDotSegmentsIsTheFolderItMeans(@TempDir Path dir) {
    try (GraphConnection connection = GraphConnection.open(GraphSettings.embedded(dir.resolve("./x/../data")))) {
      connection.graph().writeTx("seed", tx -> tx.run(TestQuery.CREATE_MARKER, Map.of()).consume());
    }
    try (GraphConnection again = GraphConnection.open(GraphSettings.embedded(dir.resolve("data")))) {
      long markers = again.graph().read(TestQuery.COUNT_MARKERS, Map.of(), r -> r.single().number("markers"));
      assertThat(markers).isEqualTo(1);
    }
  }

  @Test
  void aDataFolderInUseIsRefusedWithASentenceNotAStackTrace(@TempDir Path dir) {
    GraphSettings settings = GraphSettings.embedded(dir);
    try (GraphConnection first = GraphConnection.open(settings)) {
      assertThatThrownBy(() -> GraphConnection.open(settings))
          .isInstanceOf(GraphUnavailable.class)
          .hasMessageContaining("is in use by another process");
      assertThat(first.graph().ping()).isTrue();
    }
  }

  @Test
  void migrationsAreRecordedOnceAndSafeToApplyAgain(@TempDir Path dir) {
    try (GraphConnection connection = GraphConnection.open(GraphSettings.embedded(dir))) {
      Migrations.apply(connection.graph());
      Migrations.apply(connection.graph());
      long applied =
          connection.graph().read(HousekeepingQuery.APPLIED_MIGRATIONS, Map.of(), r -> (long) r.list().size());
      assertThat(applied).isEqualTo(Migrations.FILES.size());
    }
  }
}
