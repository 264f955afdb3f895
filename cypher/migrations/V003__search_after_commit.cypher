// V003: the search index of V002, updated just after each commit instead of inside it (eventually
// consistent): node writes no longer wait for the full-text index (docs/benchmark.md, "Import in
// parts"), and an import waits for it once, at its end, so that what it wrote is searchable when it
// answers. Neo4j cannot change an index's settings in place: this drops it and creates it again (its
// population runs in the background). Safe to apply again.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Identity|Credential|Workload|Owner) ON EACH [n.name, n.id]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CALL db.awaitIndex('entity_search', 600);
