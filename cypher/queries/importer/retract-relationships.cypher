// Each of the given relationships loses the source, which no longer states it; one that no source
// asserts any more is deleted.
// params: source, rows (list of {from, type, to})
// returns: retracted (relationships that lost the source), deleted (of those, the ones deleted)
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r:AUTHENTICATES_AS|USES|RUNS_AS|CAN_ASSUME|DEPENDS_ON|OWNS|MEMBER_OF]->(b:Entity {id: row.to})
WHERE type(r) = row.type AND $source IN r.sources
SET r.sources = [s IN r.sources WHERE s <> $source],
    r.source_runs = [x IN r.source_runs WHERE NOT x STARTS WITH $source + '@']
WITH r, size(r.sources) = 0 AS orphan
WITH count(r) AS retracted, collect(CASE WHEN orphan THEN r END) AS orphans
FOREACH (x IN orphans | DELETE x)
RETURN retracted, size(orphans) AS deleted
