// One page of the audit trail, oldest first, after the cursor $after_seq, with optional filters (each
// null when not asked): the entity targeted, the action request, the event, a time range (from
// inclusive, to exclusive).
// params: after_seq, target, request_id, event, from, to, limit
// returns: rows by seq: seq, at, event, actor, request_id, target, details, prev_hash, hash
MATCH (e:AuditEntry)
WHERE e.seq > $after_seq
  AND ($target IS NULL OR e.target = $target)
  AND ($request_id IS NULL OR e.request_id = $request_id)
  AND ($event IS NULL OR e.event = $event)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
RETURN e.seq AS seq, e.at AS at, e.event AS event, e.actor AS actor, e.request_id AS request_id,
       e.target AS target, e.details AS details, e.prev_hash AS prev_hash, e.hash AS hash
ORDER BY seq
LIMIT $limit
