// Claims an executed request for its rollback, once: only when no rollback of it has started (the
// write lock orders racing callers). The claim names the process carrying it out (interrupted-
// rollbacks.cypher), and is released if the rollback fails outside.
// params: id, by, now, process
// returns: at most one row: request (map of its properties)
MATCH (r:ActionRequest {id: $id})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.status = 'executed' AND r.rollback_started_at IS NULL
SET r.rollback_started_at = $now, r.rollback_by = $by, r.rollback_process = $process
RETURN properties(r) AS request
