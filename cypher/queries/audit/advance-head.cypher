// Takes the next place in the audit trail: bumps the one AuditHead's sequence number, whose write lock
// then orders every append until this transaction ends (across threads and processes on this graph),
// and says the hash of the entry before, which the new entry chains to (null before the first).
// params: (none)
// returns: one row: seq, prev_hash
MERGE (h:AuditHead {name: 'audit'})
SET h.seq = coalesce(h.seq, 0) + 1
RETURN h.seq AS seq, h.last_hash AS prev_hash
