// Records that a schema migration has been applied (idempotent).
// params: version, checksum
// returns: nothing
MERGE (m:Migration {version: $version})
ON CREATE SET m.checksum = $checksum, m.applied_at = datetime()
