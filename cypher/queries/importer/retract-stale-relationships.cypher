// Sync, once every write of a run has succeeded: each model relationship that the source asserted
// before but this run did not loses the source, and one that no source asserts any more is deleted.
// params: source, source_run
// returns: retracted (relationships that lost the source), deleted (of those, the ones deleted)
MATCH (:Entity)-[r:AUTHENTICATES_AS|USES|RUNS_AS|CAN_ASSUME|DEPENDS_ON|OWNS|MEMBER_OF]->(:Entity)
WHERE $source IN r.sources AND NOT $source_run IN r.source_runs
SET r.sources = [s IN r.sources WHERE s <> $source],
    r.source_runs = [x IN r.source_runs WHERE NOT x STARTS WITH $source + '@']
WITH r, size(r.sources) = 0 AS orphan
WITH count(r) AS retracted, collect(CASE WHEN orphan THEN r END) AS orphans
FOREACH (r IN orphans | DELETE r)
RETURN retracted, size(orphans) AS deleted
