// Writes one batch of USES relationships that one import run asserts, between nodes this run
// wrote or that were already in the graph, and records provenance (a relationship the source already stated keeps
// its provenance: only a new assertion moves it to this run). A row whose ends are missing or
// of the wrong label is skipped, so written falls short and the importer rolls the import back.
// params: rows (list of {from, to}), source, source_run, run, now
// returns: written (the number of relationships written)
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
WHERE a:Workload
MATCH (b:Entity {id: row.to})
WHERE b:Credential
MERGE (a)-[r:USES]->(b)
WITH r, NOT $source IN coalesce(r.sources, []) AS changed
SET r.sources = CASE WHEN changed THEN coalesce(r.sources, []) + $source ELSE r.sources END,
    r.source_runs = CASE WHEN changed
                      THEN [x IN coalesce(r.source_runs, []) WHERE NOT x STARTS WITH $source + '@'] + $source_run
                      ELSE r.source_runs END,
    r.first_seen = coalesce(r.first_seen, $now),
    r.last_changed = CASE WHEN changed THEN $now ELSE r.last_changed END,
    r.last_run = CASE WHEN changed THEN $run ELSE r.last_run END
RETURN count(r) AS written
