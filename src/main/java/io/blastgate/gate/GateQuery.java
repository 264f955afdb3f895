package io.blastgate.gate;

import io.blastgate.graph.CypherQuery;

/** The Cypher files of the gate, under {@code cypher/queries/gate/}. */
enum GateQuery implements CypherQuery {
  TARGET_FACTS("gate/target-facts.cypher"),
  READ_POLICY("gate/read-policy.cypher"),
  WRITE_POLICY("gate/write-policy.cypher");

  private final String file;

  GateQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
