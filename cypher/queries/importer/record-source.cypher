// Records that a source has been synced by a run that succeeded, with what the run wrote and removed,
// so that a stale graph can be noticed.
// params: source, run, now, counts (map of identities, credentials, workloads, owners, relationships,
//         removed_nodes, removed_relationships)
// returns: nothing
MERGE (s:Source {name: $source})
SET s.last_synced = $now, s.last_run = $run, s.status = 'succeeded', s += $counts
