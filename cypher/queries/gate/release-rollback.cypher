// Releases a rollback claim after the rollback failed outside: the request stays executed, with why.
// params: id, detail, now
// returns: at most one row: id
MATCH (r:ActionRequest {id: $id, status: 'executed'})
SET r.rollback_detail = $detail, r.updated_at = $now
REMOVE r.rollback_started_at, r.rollback_by, r.rollback_process
RETURN r.id AS id
