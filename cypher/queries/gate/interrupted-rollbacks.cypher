// Rollbacks found claimed whose process is gone (rollback_process not seen since $stale_before, or
// unknown): the process that claimed one stopped before it ended, so whether the undo ran outside is
// unknown. The claim is released and the request stays executed (what the graph records is still on
// the target), saying so; the suspension housekeeping leaves it alone, and only a rollback asked for
// again retries it (with the same undo key, `<key>#undo`). A rollback a live process is carrying out
// is left alone.
// params: now, detail, stale_before
// returns: one row per request: id, target, by (who had asked for the rollback), started_at
MATCH (r:ActionRequest {status: 'executed'})
WHERE r.rollback_started_at IS NOT NULL
OPTIONAL MATCH (p:GateProcess {id: r.rollback_process})
WITH r, p
WHERE p IS NULL OR datetime(p.seen_at) < datetime($stale_before)
WITH r, r.rollback_by AS by, r.rollback_started_at AS started_at
SET r.rollback_detail = 'the rollback ' + by + ' asked for at ' + started_at + ' was interrupted' + $detail,
    r.rollback_interrupted_at = $now, r.updated_at = $now
REMOVE r.rollback_started_at, r.rollback_by, r.rollback_process
RETURN r.id AS id, r.target AS target, by, started_at
