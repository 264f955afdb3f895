// Action requests, newest first, of one status or of all, at most $limit of them.
// params: status (null for all), limit
// returns: one row per request: request (map of its properties)
MATCH (r:ActionRequest)
WHERE $status IS NULL OR r.status = $status
RETURN properties(r) AS request
ORDER BY r.created_at DESC, r.id
LIMIT $limit
