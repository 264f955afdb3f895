// Shared-secret reach of credentials: their consumers (workloads that use them, decommissioned ones
// excepted), the distinct teams that own those consumers, and the distinct environments they run in.
// traversal: shared_secret_reach
// params: ids
// returns: one row per credential: id, name, kind, sources (the import sources that assert it),
//          consumers (sorted ids), teams (sorted), environments (sorted)
UNWIND $ids AS cid
MATCH (c:Credential {id: cid})
WITH c, [(w:Workload)-[:USES]->(c) WHERE w.status IS NULL OR w.status <> 'decommissioned' | w] AS consumers
RETURN c.id AS id, coalesce(c.name, c.id) AS name, c.kind AS kind, coalesce(c.sources, []) AS sources,
       COLLECT { UNWIND consumers AS w RETURN DISTINCT w.id AS wid ORDER BY wid } AS consumers,
       COLLECT {
         UNWIND consumers AS w
         MATCH (t:Owner)-[:OWNS]->(w)
         WHERE t.kind = 'team'
         RETURN t.id AS team
         UNION
         UNWIND consumers AS w
         MATCH (p:Owner)-[:OWNS]->(w), (p)-[:MEMBER_OF]->(t:Owner)
         WHERE p.kind = 'person' AND t.kind = 'team'
         RETURN t.id AS team
       } AS teams,
       COLLECT {
         UNWIND consumers AS w
         WITH w.environment AS environment
         WHERE environment IS NOT NULL
         RETURN DISTINCT environment ORDER BY environment
       } AS environments
