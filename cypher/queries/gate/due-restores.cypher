// Executed suspensions whose time is up: the target still carries the containment the request put
// on it, until a moment that has passed. Each is rolled back once (the status move claims it). One
// whose rollback was interrupted (interrupted-rollbacks.cypher) waits for a person to ask again.
// params: now
// returns: one row per request: request (map of its properties)
MATCH (r:ActionRequest {status: 'executed', action: 'suspend'})
MATCH (t:Entity {id: r.target})
WHERE r.rollback_interrupted_at IS NULL AND t.contained_by = r.id AND t.contained_until IS NOT NULL AND datetime(t.contained_until) <= datetime($now)
RETURN properties(r) AS request
