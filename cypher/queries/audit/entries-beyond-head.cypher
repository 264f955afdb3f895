// Entries the head does not account for: a seq below 1 or beyond the head's (every entry, when there
// is no head), or no whole-number seq at all. The program never writes one; each is a forgery. Reads
// the head in the same transaction.
// params: limit
// returns: rows: seq (as text; null for an entry without one)
OPTIONAL MATCH (h:AuditHead {name: 'audit'})
WITH coalesce(h.seq, 0) AS head
MATCH (e:AuditEntry)
WHERE NOT coalesce(e.seq >= 1 AND e.seq <= head AND e.seq = toInteger(e.seq), false)
RETURN toString(e.seq) AS seq
ORDER BY e.seq
LIMIT $limit
