// Forgets the processes not seen since $before that no request names as its executor any more
// (stopped long ago): the heartbeat's bookkeeping stays small.
// params: before
// returns: forgotten (how many)
MATCH (p:GateProcess)
WHERE datetime(p.seen_at) < datetime($before)
  AND NOT EXISTS { MATCH (r:ActionRequest {executor: p.id}) WHERE r.status = 'executing' }
  AND NOT EXISTS { MATCH (r:ActionRequest {rollback_process: p.id}) WHERE r.status = 'executed' AND r.rollback_started_at IS NOT NULL }
DELETE p
RETURN count(*) AS forgotten
