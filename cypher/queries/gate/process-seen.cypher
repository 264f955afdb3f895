// A blastgate process says it is alive: run by its heartbeat every little while and in the
// transaction of each claim it makes, so a process is known before it first carries anything out.
// params: id, now
// returns: nothing
MERGE (p:GateProcess {id: $id})
ON CREATE SET p.started_at = $now
SET p.seen_at = $now
