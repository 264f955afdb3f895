// Releases a rollback claim after the rollback failed outside: the request stays executed.
// params: id
// returns: nothing
MATCH (r:ActionRequest {id: $id, status: 'executed'})
REMOVE r.rollback_started_at, r.rollback_by
