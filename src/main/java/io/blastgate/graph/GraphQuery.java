package io.blastgate.graph;

/** The queries of the graph layer itself. */
enum GraphQuery implements CypherQuery {
  PING("graph/ping.cypher"),
  APPLIED_MIGRATIONS("graph/applied-migrations.cypher"),
  RECORD_MIGRATION("graph/record-migration.cypher"),
  PLUGIN_INSTALLED("graph/plugin-installed.cypher"),
  PLUGIN_VERSION("graph/plugin-version.cypher"),
  PLUGIN_PROBE("graph/plugin-probe.cypher"),
  AWAIT_SEARCH_INDEX("graph/await-search-index.cypher");

  private final String file;

  GraphQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
