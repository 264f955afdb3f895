package io.blastgate.importer;

import io.blastgate.graph.CypherQuery;

/** Test queries that read a whole graph through the driver, under cypher/queries/test/. */
enum SnapshotQuery implements CypherQuery {
  NODES("test/snapshot-nodes.cypher"),
  RELATIONSHIPS("test/snapshot-relationships.cypher"),
  BOOKKEEPING("test/snapshot-bookkeeping.cypher");

  private final String file;

  SnapshotQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
