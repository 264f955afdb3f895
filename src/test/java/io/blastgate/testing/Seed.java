package io.blastgate.testing;

import io.blastgate.graph.CypherQuery;
import io.blastgate.graph.Graph;
import java.util.Map;

/** Test data written by test-only Cypher files under {@code cypher/queries/test/}. */
public enum Seed implements CypherQuery {
  /** The worked example of graph-model/README.md with provenance, plus stripe-named entities and person:ana. */
  ENTITIES("test/seed-entities.cypher"),
  /** After {@link #ENTITIES}: fresh facts, people who approve, a service account with nothing downstream. */
  GATE_PEOPLE("test/seed-gate-people.cypher");

  private final String file;

  Seed(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }

  /** Writes the seed, and waits until the search index (eventually consistent, V003) holds it. */
  public void writeTo(Graph graph) {
    graph.writeTx("seed " + name(), tx -> tx.run(this, Map.of()).consume());
    graph.awaitSearchIndex();
  }
}
