// The next entries of the chain for verification, in order: every entry whose seq is after $after and
// at most the seq of the $batch-th one (so that two entries that claim one seq come in the same batch)
// and not beyond $upto, the head's seq when the walk began. An entry whose seq is not a whole number
// is left to entries-beyond-head.
// params: after, batch, upto
// returns: rows by seq: seq, at, event, actor, request_id, target, details, prev_hash, hash
MATCH (e:AuditEntry)
WHERE e.seq > $after AND e.seq <= $upto AND e.seq = toInteger(e.seq)
WITH e.seq AS s
ORDER BY s
LIMIT $batch
WITH max(s) AS upper
MATCH (e:AuditEntry)
WHERE e.seq > $after AND e.seq <= upper AND e.seq = toInteger(e.seq)
RETURN toInteger(e.seq) AS seq, e.at AS at, e.event AS event, e.actor AS actor, e.request_id AS request_id,
       e.target AS target, e.details AS details, e.prev_hash AS prev_hash, e.hash AS hash
ORDER BY seq
