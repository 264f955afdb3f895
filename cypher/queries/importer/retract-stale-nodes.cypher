// Sync, after the relationships: each node that the source asserted before but this run did not loses
// the source, and one that no source asserts any more is deleted with the relationships still on it
// (other sources' relationships to it: an edge cannot outlive its end).
// params: source, source_run
// returns: retracted (nodes that lost the source), deleted (of those, the ones deleted),
//          detached (relationships deleted with them)
MATCH (n:Entity)
WHERE $source IN n.sources AND NOT $source_run IN n.source_runs
SET n.sources = [s IN n.sources WHERE s <> $source],
    n.source_runs = [x IN n.source_runs WHERE NOT x STARTS WITH $source + '@']
WITH n, size(n.sources) = 0 AS orphan
WITH count(n) AS retracted, collect(CASE WHEN orphan THEN n END) AS orphans
CALL (orphans) {
  UNWIND orphans AS o
  OPTIONAL MATCH (o)-[r]-()
  RETURN count(DISTINCT r) AS detached
}
FOREACH (o IN orphans | DETACH DELETE o)
RETURN retracted, size(orphans) AS deleted, detached
