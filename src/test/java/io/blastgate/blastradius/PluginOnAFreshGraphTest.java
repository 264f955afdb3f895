package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.graph.GraphConnection;
import io.blastgate.graph.GraphSettings;
import io.blastgate.model.OwnerRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin on a graph that has never seen some of the model's relationship types or properties
 * (the shared test Neo4j has seen them all): the kernel reads must treat a type or key that does not
 * exist yet as absent, not as "any". On a fresh embedded Neo4j, as the program starts it.
 */
class PluginOnAFreshGraphTest {
  private static final Clock SAME_TIME = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  @Test
  void aGraphWithoutDependenciesMembershipsOrCriticalityGivesTheSameAnswerBothWays(@TempDir Path dir)
      throws IOException {
    Path bundle = dir.resolve("bundle.json");
    Files.writeString(
        bundle,
        """
        {"format": "blastgate.bundle/v1", "source": "fresh",
         "identities": [{"id": "id:svc", "kind": "service_account"}],
         "credentials": [{"id": "cred:key", "kind": "api_token", "authenticates_as": "id:svc"}],
         "workloads": [{"id": "wl:a", "kind": "service", "uses": ["cred:key"]},
                       {"id": "wl:b", "kind": "job", "runs_as": ["id:svc"]}],
         "owners": [{"id": "person:p", "kind": "person", "owns": ["wl:a"]}]}
        """);
    try (GraphConnection connection = GraphConnection.open(GraphSettings.embedded(dir.resolve("db")))) {
      assertThat(connection.graph().hasPlugin()).isTrue();
      BlastRadiusScenariosTest.load(connection.graph(), bundle);
      var plugin = new BlastRadiusService(connection.graph(), 10, Engine.PLUGIN, SAME_TIME);
      var cypher = new BlastRadiusService(connection.graph(), 10, Engine.CYPHER, SAME_TIME);
      for (String target : new String[] {"cred:key", "id:svc", "wl:a", "wl:b"}) {
        assertThat(plugin.compute(target)).as(target).isEqualTo(cypher.compute(target));
      }
      BlastRadius identity = plugin.compute("id:svc");
      assertThat(identity.impacted()).extracting(BlastRadius.ImpactedWorkload::id).containsExactly("wl:a", "wl:b");
      assertThat(identity.impacted().get(0).owners()).extracting(OwnerRef::id).containsExactly("person:p");
      assertThat(identity.impacted().get(0).teams()).isEmpty();
      assertThat(identity.impacted().get(0).criticality()).isNull();
    }
  }
}
