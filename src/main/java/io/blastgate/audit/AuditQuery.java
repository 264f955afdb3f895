package io.blastgate.audit;

import io.blastgate.graph.CypherQuery;

/** The Cypher files of the audit trail, under {@code cypher/queries/audit/}. */
enum AuditQuery implements CypherQuery {
  ADVANCE_HEAD("audit/advance-head.cypher"),
  CREATE_ENTRY("audit/create-entry.cypher"),
  READ_HEAD("audit/read-head.cypher"),
  READ_ENTRIES("audit/read-entries.cypher"),
  ENTRIES_BEYOND_HEAD("audit/entries-beyond-head.cypher"),
  LIST_ENTRIES("audit/list-entries.cypher");

  private final String file;

  AuditQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
