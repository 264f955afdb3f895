// Requests found executing whose process is gone: the process that claimed one (executor) has not
// been seen since $stale_before, or is unknown (a request claimed before processes were recorded). Its
// executor was interrupted, so whether the action ran outside is unknown. They become failed, never run
// again blindly. A request another live process is carrying out is left alone. At the start of the
// only process that can open the graph (an embedded one), $stale_before is the start itself: every
// request found executing was left by a process that stopped.
// params: now, detail, stale_before
// returns: one row per request: id, target
MATCH (r:ActionRequest {status: 'executing'})
OPTIONAL MATCH (p:GateProcess {id: r.executor})
WITH r, p
WHERE p IS NULL OR datetime(p.seen_at) < datetime($stale_before)
SET r.status = 'failed', r.execution_detail = $detail, r.updated_at = $now, r.interrupted_at = $now
RETURN r.id AS id, r.target AS target
