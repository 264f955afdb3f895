// Each of the given entities, which the source asserted before and no longer does, loses the source
// (after the relationships it stated from them were retracted); one that no source asserts any more
// is deleted with the relationships still on it (other sources' relationships to it: an edge cannot
// outlive its end).
// params: source, rows (list of {id})
// returns: retracted (nodes that lost the source), deleted (of those, the ones deleted),
//          detached (relationships deleted with them)
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE $source IN n.sources
SET n.sources = [s IN n.sources WHERE s <> $source],
    n.source_runs = [x IN n.source_runs WHERE NOT x STARTS WITH $source + '@'],
    n.source_hashes = [x IN coalesce(n.source_hashes, []) WHERE NOT x STARTS WITH $source + '@']
WITH n, size(n.sources) = 0 AS orphan
WITH count(n) AS retracted, collect(CASE WHEN orphan THEN n END) AS orphans
CALL (orphans) {
  UNWIND orphans AS o
  OPTIONAL MATCH (o)-[r]-()
  RETURN count(DISTINCT r) AS detached
}
FOREACH (o IN orphans | DETACH DELETE o)
RETURN retracted, size(orphans) AS deleted, detached
