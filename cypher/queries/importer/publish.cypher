// In the transaction that makes an import visible (its last): counts one more published import, so
// that a reader who read across it reads again, and ends the publishing of a run that committed in
// parts (only that run's own mark is cleared).
// params: run
// returns: seq (the new count)
MERGE (p:Publication {name: 'graph'})
SET p._lock = true
REMOVE p._lock
WITH p
SET p.seq = coalesce(p.seq, 0) + 1
FOREACH (_ IN CASE WHEN p.writer = $run THEN [1] ELSE [] END |
  REMOVE p.writer, p.source, p.since)
RETURN p.seq AS seq
