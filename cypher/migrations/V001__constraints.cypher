// V001: identity of nodes. An id names one entity in the whole graph (Entity.id), and each label's own
// constraint gives MATCH (n:Label {id: $id}) an index. Every statement is safe to apply again.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT identity_id IF NOT EXISTS FOR (n:Identity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT credential_id IF NOT EXISTS FOR (n:Credential) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT workload_id IF NOT EXISTS FOR (n:Workload) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT owner_id IF NOT EXISTS FOR (n:Owner) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_name IF NOT EXISTS FOR (s:Source) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE;
