// Finds the target of a blast radius by id, whatever its label.
// params: id
// returns: zero or one row: label (Identity, Credential, Workload or Owner), kind, name, status,
//          sources (the import sources that assert it)
MATCH (t:Entity {id: $id})
RETURN [l IN labels(t) WHERE l IN ['Identity', 'Credential', 'Workload', 'Owner']][0] AS label,
       t.kind AS kind, coalesce(t.name, t.id) AS name, t.status AS status,
       coalesce(t.sources, []) AS sources
