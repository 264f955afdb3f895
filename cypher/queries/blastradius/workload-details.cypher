// What a responder needs to know of each impacted workload: its properties, its owners, and its teams
// (owners of kind team, plus the teams that owning persons are members of).
// traversal: ownership
// params: ids
// returns: one row per workload: id, name, kind, criticality, environment, status, sources (the
//          import sources that assert it), owners (list of maps id, name, kind, sources), teams (list
//          of team ids)
UNWIND $ids AS wid
MATCH (w:Workload {id: wid})
RETURN w.id AS id, coalesce(w.name, w.id) AS name, w.kind AS kind, w.criticality AS criticality,
       w.environment AS environment, w.status AS status, coalesce(w.sources, []) AS sources,
       COLLECT {
         MATCH (o:Owner)-[:OWNS]->(w)
         RETURN o {.id, name: coalesce(o.name, o.id), .kind, sources: coalesce(o.sources, [])}
       } AS owners,
       COLLECT {
         MATCH (t:Owner)-[:OWNS]->(w)
         WHERE t.kind = 'team'
         RETURN t.id AS team
         UNION
         MATCH (p:Owner)-[:OWNS]->(w), (p)-[:MEMBER_OF]->(t:Owner)
         WHERE p.kind = 'person' AND t.kind = 'team'
         RETURN t.id AS team
       } AS teams
