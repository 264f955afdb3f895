// Moves a request from one status to another, only if it is still in the status the caller read:
// the write lock on the node makes one of two racing callers find it moved (no row) and stop. So a
// request is claimed for execution once, whatever arrives at once.
// params: id, from, to, set (map of more properties to set), now
// returns: at most one row: request (map of its properties after the move)
MATCH (r:ActionRequest {id: $id})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.status = $from
SET r += $set, r.status = $to, r.updated_at = $now
RETURN properties(r) AS request
