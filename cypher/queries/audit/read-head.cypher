// The head of the audit trail: how many entries were ever appended and the hash of the last one
// (none before the first append).
// params: (none)
// returns: at most one row: seq, last_hash
MATCH (h:AuditHead {name: 'audit'})
RETURN h.seq AS seq, h.last_hash AS last_hash
