// Adds one person's approval to a pending request, only if it is still pending and that person has
// not approved it yet (the write lock orders racing approvals).
// params: id, by, now
// returns: at most one row: request (map of its properties after the approval)
MATCH (r:ActionRequest {id: $id})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.status = 'pending_approval' AND NOT $by IN coalesce(r.approved_by, [])
SET r.approved_by = coalesce(r.approved_by, []) + $by, r.updated_at = $now
RETURN properties(r) AS request
