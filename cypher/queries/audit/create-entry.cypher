// Writes an audit entry at the place advance-head took in this same transaction, and records its hash
// on the head for the next entry to chain to. Entries are never changed or deleted by the program.
// params: seq, at, event, actor, request_id, target, details, prev_hash, hash
// returns: one row: seq
MATCH (h:AuditHead {name: 'audit'})
SET h.last_hash = $hash
CREATE (e:AuditEntry {
  seq: $seq, at: $at, event: $event, actor: $actor, request_id: $request_id, target: $target,
  details: $details, prev_hash: $prev_hash, hash: $hash})
RETURN e.seq AS seq
