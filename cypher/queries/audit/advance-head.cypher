// Takes the next place in the audit trail: bumps the one AuditHead's sequence number, whose write lock
// then orders every append until this transaction ends (across threads and processes on this graph),
// and says the hash of the entry before, which the new entry chains to (null before the first).
// The lock is taken by a plain write before the sequence number is read: read first, then written
// (`SET h.seq = h.seq + 1` alone), two transactions that append twice each deadlock on the head most
// of the time (AuditHeadLockTest), and the driver retries them after a second's back-off.
// params: (none)
// returns: one row: seq, prev_hash
MERGE (h:AuditHead {name: 'audit'})
SET h._lock = true
REMOVE h._lock
WITH h
SET h.seq = coalesce(h.seq, 0) + 1
RETURN h.seq AS seq, h.last_hash AS prev_hash
