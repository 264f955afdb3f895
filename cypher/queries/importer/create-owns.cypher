// Writes one batch of OWNS relationships that are new: at least one end of each is a node this run
// created (the importer found its id nowhere in the graph), so no such relationship can exist yet
// and each is created without the MERGE's look-up, with this run's provenance. Each end is found
// through its label's own index (faster here than Entity.id's: docs/benchmark.md). A row whose ends
// are missing or of the wrong label is skipped, so written falls short and the import fails.
// params: rows (list of {from, to}), source, source_run, run, now
// returns: written (the number of relationships written)
UNWIND $rows AS row
MATCH (a:Owner {id: row.from})
MATCH (b:Entity {id: row.to})
WHERE b:Identity OR b:Credential OR b:Workload
CREATE (a)-[r:OWNS {sources: [$source], source_runs: [$source_run],
                    first_seen: $now, last_changed: $now, last_run: $run}]->(b)
RETURN count(r) AS written
