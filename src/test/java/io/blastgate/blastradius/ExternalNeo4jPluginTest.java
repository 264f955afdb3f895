package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.graph.GraphConnection;
import io.blastgate.testing.ExternalNeo4jServer;
import io.blastgate.testing.ExternalNeo4jServer.Plugin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The blastgate plugin on a Neo4j server in another process, installed as docs/external-neo4j.md
 * says: the program finds it and its answers are the Cypher queries' answers. Installed but not
 * allowed to run, it is not used, and the program answers through Cypher.
 */
@Tag("external")
class ExternalNeo4jPluginTest {
  private static final Duration PATIENT = Duration.ofSeconds(60);
  private static final Clock SAME_TIME = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
  private static final Path WORKED_EXAMPLE = Path.of("fixtures/scenarios/worked-example/bundle.json");

  @Test
  void aServerWithThePluginAnswersThroughItExactlyAsTheCypherQueriesDo() {
    try (ExternalNeo4jServer server = ExternalNeo4jServer.launch(Plugin.INSTALLED);
        GraphConnection connection = GraphConnection.open(server.settings(server.boltUri(), PATIENT))) {
      assertThat(connection.graph().hasPlugin()).isTrue();
      BlastRadiusScenariosTest.load(connection.graph(), WORKED_EXAMPLE);
      var plugin = new BlastRadiusService(connection.graph(), 50, Engine.PLUGIN, SAME_TIME);
      var cypher = new BlastRadiusService(connection.graph(), 50, Engine.CYPHER, SAME_TIME);
      assertThat(new BlastRadiusService(connection.graph(), 50).engine()).isEqualTo(Engine.PLUGIN);
      for (String target : new String[] {"cred:stripe-key", "id:stripe-sa", "wl:checkout"}) {
        BlastRadius answer = plugin.compute(target);
        assertThat(answer).as(target).isEqualTo(cypher.compute(target));
        assertThat(answer.summary().total()).as(target).isPositive();
      }
    }
  }

  @Test
  void aServerThatWillNotRunThePluginIsAnsweredThroughCypher() {
    try (ExternalNeo4jServer server = ExternalNeo4jServer.launch(Plugin.INSTALLED_RESTRICTED);
        GraphConnection connection = GraphConnection.open(server.settings(server.boltUri(), PATIENT))) {
      assertThat(connection.graph().hasPlugin()).isFalse();
      BlastRadiusScenariosTest.load(connection.graph(), WORKED_EXAMPLE);
      BlastRadiusService service = new BlastRadiusService(connection.graph(), 50);
      assertThat(service.engine()).isEqualTo(Engine.CYPHER);
      assertThat(service.compute("cred:stripe-key").summary().total()).isEqualTo(4);
    }
  }
}
