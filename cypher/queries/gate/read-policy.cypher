// The gate's policy in force, if one was ever set (else the program's default applies).
// params: (none)
// returns: at most one row: version, text, changed_at, changed_by
MATCH (p:GatePolicy {name: 'current'})
RETURN p.version AS version, p.text AS text, p.changed_at AS changed_at, p.changed_by AS changed_by
