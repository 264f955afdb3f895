// Puts a validated policy in force, for every blastgate process on this graph.
// params: version, text, changed_at, changed_by
// returns: version
MERGE (p:GatePolicy {name: 'current'})
SET p.version = $version, p.text = $text, p.changed_at = $changed_at, p.changed_by = $changed_by
RETURN p.version AS version
