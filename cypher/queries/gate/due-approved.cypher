// Requests that have every approval they need but still wait: their last approval found another
// request carrying out the same action on the target, so they did not run then. Housekeeping tries
// each again (a status move claims it, once).
// params: (none)
// returns: one row per request: request (map of its properties)
MATCH (r:ActionRequest {status: 'pending_approval'})
WHERE size(coalesce(r.approved_by, [])) >= r.approvals_needed AND r.approvals_needed > 0
RETURN properties(r) AS request
