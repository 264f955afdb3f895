// Requests found executing at start-up: their executor was interrupted, so whether the action ran
// outside is unknown. They become failed, never run again blindly.
// params: now, detail
// returns: one row per request: id, target
MATCH (r:ActionRequest {status: 'executing'})
SET r.status = 'failed', r.execution_detail = $detail, r.updated_at = $now
RETURN r.id AS id, r.target AS target
