// Requests still waiting for approval past their expiry.
// params: now
// returns: one row per request: request (map of its properties)
MATCH (r:ActionRequest {status: 'pending_approval'})
WHERE r.expires_at IS NOT NULL AND datetime(r.expires_at) <= datetime($now)
RETURN properties(r) AS request
