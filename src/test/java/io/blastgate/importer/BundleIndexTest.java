package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.model.Label;
import io.blastgate.testing.TestGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the first pass keeps, resolved against a real graph. */
@ExtendWith(TestGraph.class)
class BundleIndexTest {

  /**
   * A lone surrogate travels to Neo4j as '?', so the graph can answer an id the input never wrote
   * (this was a NullPointerException, answered as a 500). The readers refuse such ids; the index,
   * should one reach it anyway, refuses the import instead of merging two entities.
   */
  @Test
  void anIdTheGraphAnswersAlteredIsAProblemNotACrash(Graph graph) {
    TestGraph.database().executeTransactionally(
        "CREATE (:Entity:Credential {id: 'cred:x?', kind: 'api_token', sources: ['vault']})");
    Problems problems = new Problems(10);
    BundleIndex index = new BundleIndex(new Locations.Json(), problems);
    index.add(new ParsedEntity(Label.CREDENTIAL, 0, "cred:x\uD800", "api_token", Map.of("kind", "api_token"), List.of()));

    index.resolve(graph, 100, "s");

    assertThat(problems.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEmpty();
      assertThat(e.message()).contains("reached the graph altered, as 'cred:x?'");
    });
  }
}
