package io.blastgate.graph;

/** Queries that only tests run; they live beside the program's, under cypher/queries/test/. */
enum TestQuery implements CypherQuery {
  CREATE_MARKER("test/create-marker.cypher"),
  COUNT_MARKERS("test/count-markers.cypher"),
  DELETE_MARKERS("test/delete-markers.cypher"),
  LIST_CONSTRAINTS("test/list-constraints.cypher"),
  LIST_SCHEMA("test/list-schema.cypher"),
  MARKED_READ("test/marked-read.cypher");

  private final String file;

  TestQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
