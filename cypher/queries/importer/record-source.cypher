// Records that a source has been synced by a run that succeeded, with what the run asserted, wrote and
// removed, so that a stale graph can be noticed; recovered says 'forward' when start-up finished the
// run after a crash had stopped it (null otherwise); a stopped run recorded before is forgotten.
// params: source, run, now, recovered, counts (map of identities, credentials, workloads, owners,
//         relationships, unchanged, written_entities, written_relationships, removed_nodes,
//         removed_relationships)
// returns: nothing
MERGE (s:Source {name: $source})
SET s.last_synced = $now, s.last_run = $run, s.status = 'succeeded', s.recovered = $recovered, s += $counts
REMOVE s.stopped_run, s.stopped_found
