// Writes one batch of AUTHENTICATES_AS relationships that one import run asserts, between nodes this run
// wrote or that were already in the graph, and records provenance. A row whose ends are missing or
// of the wrong label is skipped, so written falls short and the importer rolls the import back.
// params: rows (list of {from, to}), source, source_run, run, now
// returns: written (the number of relationships written)
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
WHERE a:Credential
MATCH (b:Entity {id: row.to})
WHERE b:Identity
MERGE (a)-[r:AUTHENTICATES_AS]->(b)
SET r.sources = CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source END,
    r.source_runs = [x IN coalesce(r.source_runs, []) WHERE NOT x STARTS WITH $source + '@'] + $source_run,
    r.first_seen = coalesce(r.first_seen, $now),
    r.last_seen = $now,
    r.last_run = $run
RETURN count(r) AS written
