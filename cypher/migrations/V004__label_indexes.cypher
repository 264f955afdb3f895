// V004: each label's id lookup through a plain index instead of a uniqueness constraint. Entity.id's
// constraint (V001) already makes an id name one entity whatever its label, so the per-label
// constraints only added a second uniqueness check to every node written (docs/benchmark.md). Safe
// to apply again.
DROP CONSTRAINT identity_id IF EXISTS;
DROP CONSTRAINT credential_id IF EXISTS;
DROP CONSTRAINT workload_id IF EXISTS;
DROP CONSTRAINT owner_id IF EXISTS;
CREATE INDEX identity_id IF NOT EXISTS FOR (n:Identity) ON (n.id);
CREATE INDEX credential_id IF NOT EXISTS FOR (n:Credential) ON (n.id);
CREATE INDEX workload_id IF NOT EXISTS FOR (n:Workload) ON (n.id);
CREATE INDEX owner_id IF NOT EXISTS FOR (n:Owner) ON (n.id);
CALL db.awaitIndexes(600);
