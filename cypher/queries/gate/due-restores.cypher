// Executed suspensions whose time is up: the target still carries the containment the request put
// on it, until a moment that has passed. Each is rolled back once (the status move claims it).
// params: now
// returns: one row per request: request (map of its properties)
MATCH (r:ActionRequest {status: 'executed', action: 'suspend'})
MATCH (t:Entity {id: r.target})
WHERE t.contained_by = r.id AND t.contained_until IS NOT NULL AND datetime(t.contained_until) <= datetime($now)
RETURN properties(r) AS request
