// The schema migrations already applied to this database.
// params: (none)
// returns: version (string), checksum (string)
MATCH (m:Migration)
RETURN m.version AS version, m.checksum AS checksum
ORDER BY version
