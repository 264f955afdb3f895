package io.blastgate.graph;

/**
 * The statements the graph layer runs for itself, not for a feature: the health ping, the bookkeeping
 * of migrations, the plugin probes, the wait for the search index and the check that a database is
 * empty before a bulk load.
 */
enum HousekeepingQuery implements CypherQuery {
  PING("graph/ping.cypher"),
  APPLIED_MIGRATIONS("graph/applied-migrations.cypher"),
  RECORD_MIGRATION("graph/record-migration.cypher"),
  PLUGIN_INSTALLED("graph/plugin-installed.cypher"),
  PLUGIN_VERSION("graph/plugin-version.cypher"),
  PLUGIN_PROBE("graph/plugin-probe.cypher"),
  AWAIT_SEARCH_INDEX("graph/await-search-index.cypher"),
  READ_PUBLICATION("graph/read-publication.cypher"),
  COUNT_DATA_NODES("graph/count-data-nodes.cypher");

  private final String file;

  HousekeepingQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
