// Writes one batch of Workload nodes that one import run asserts: creates the missing ones, sets the
// properties the input states (a property it leaves out keeps what another source set; name falls
// back to the id) and records provenance. changed: the source states something other than its last
// run did (the digest differs), so provenance moves to this run; a node whose digest is the same
// (written again only by a full rewrite or by start-up finishing a run) keeps it all. A node with
// this id under another model label is left alone, so written falls short of the batch and the
// importer rolls the whole import back.
// params: rows (list of {id, props, digest}), source, source_run, run, now
// returns: written (the number of nodes written)
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row
WHERE NOT (n:Identity OR n:Credential OR n:Owner)
WITH n, row, NOT ($source + '@' + row.digest) IN coalesce(n.source_hashes, []) AS changed
SET n:Workload, n += CASE WHEN changed THEN row.props ELSE {} END
SET n.name = coalesce(n.name, row.id),
    n.sources = CASE WHEN $source IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $source END,
    n.source_hashes = CASE WHEN changed
                        THEN [x IN coalesce(n.source_hashes, []) WHERE NOT x STARTS WITH $source + '@'] + ($source + '@' + row.digest)
                        ELSE n.source_hashes END,
    n.source_runs = CASE WHEN changed
                      THEN [x IN coalesce(n.source_runs, []) WHERE NOT x STARTS WITH $source + '@'] + $source_run
                      ELSE n.source_runs END,
    n.first_seen = coalesce(n.first_seen, $now),
    n.last_changed = CASE WHEN changed THEN $now ELSE n.last_changed END,
    n.last_run = CASE WHEN changed THEN $run ELSE n.last_run END
RETURN count(n) AS written
