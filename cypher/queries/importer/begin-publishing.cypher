// Before the first part of an import that commits in parts: marks the graph as being published by
// this run (readers wait until the mark is cleared by publish.cypher) and opens the run's journal,
// from which start-up finishes the import if the process dies before it ends. Succeeds only if no
// other run is publishing; a run that is being finished again after a crash keeps its own mark.
// params: run, source, format (the format that read the input), options (its options as name=value),
//         input (the journal's copy of the input), now, plan (map of counts)
// returns: claimed (1 if this run now publishes, 0 if another run does)
MERGE (p:Publication {name: 'graph'})
ON CREATE SET p.seq = 0
// The mark's write lock before its writer is read: two runs cannot both read it free.
SET p._lock = true
REMOVE p._lock
WITH p
WHERE p.writer IS NULL OR p.writer = $run
SET p.writer = $run, p.source = $source, p.since = $now, p.seq = p.seq + 1
MERGE (j:ImportJournal {run: $run})
ON CREATE SET j.source = $source, j.format = $format, j.options = $options, j.input = $input, j.now = $now, j += $plan,
              j.written_relationships = 0, j.removed_nodes = 0, j.removed_relationships = 0
RETURN count(p) AS claimed
