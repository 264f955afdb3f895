// Writes one batch of Identity nodes that are new: the importer looked each id up before writing
// and found it nowhere in the graph, so each is created without the MERGE's look-up, with the
// properties the input states (name falls back to the id), the digest of what the source states
// and this run's provenance. If another import created one of these ids since the look-up, the
// statement fails on the constraint entity_id and the importer writes again with MERGE.
// params: rows (list of {id, props, digest}), source, source_run, run, now
// returns: written (the number of nodes written)
UNWIND $rows AS row
CREATE (n:Entity:Identity {id: row.id})
SET n += row.props
SET n.name = coalesce(n.name, row.id),
    n.sources = [$source],
    n.source_runs = [$source_run],
    n.source_hashes = [$source + '@' + row.digest],
    n.first_seen = $now,
    n.last_changed = $now,
    n.last_run = $run
RETURN count(n) AS written
