// The request a requester already made with this idempotency key, if any.
// params: key_scope
// returns: at most one row: request (map of its properties)
MATCH (r:ActionRequest {key_scope: $key_scope})
RETURN properties(r) AS request
