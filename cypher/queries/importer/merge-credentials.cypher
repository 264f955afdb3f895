// Writes one batch of Credential nodes that one import run asserts: creates the missing ones, sets the
// properties the input states (a property it leaves out keeps what another source set; name falls
// back to the id) and records provenance. A node with this id under another model label is left
// alone, so written falls short of the batch and the importer rolls the whole import back.
// params: rows (list of {id, props}), source, source_run, run, now
// returns: written (the number of nodes written)
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row
WHERE NOT (n:Identity OR n:Workload OR n:Owner)
SET n:Credential, n += row.props
SET n.name = coalesce(n.name, row.id),
    n.sources = CASE WHEN $source IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $source END,
    n.source_runs = [x IN coalesce(n.source_runs, []) WHERE NOT x STARTS WITH $source + '@'] + $source_run,
    n.first_seen = coalesce(n.first_seen, $now),
    n.last_seen = $now,
    n.last_run = $run
RETURN count(n) AS written
