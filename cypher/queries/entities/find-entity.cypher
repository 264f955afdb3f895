// Finds one model entity by its id, with all its properties (the service keeps those the model
// declares for the entity's label, and the provenance).
// params: id
// returns: at most one row: id, label (the model label), kind, name, props (map of every property)
MATCH (e:Entity {id: $id})
WHERE e:Identity OR e:Credential OR e:Workload OR e:Owner
RETURN e.id AS id,
       [l IN labels(e) WHERE l IN ['Identity', 'Credential', 'Workload', 'Owner']][0] AS label,
       e.kind AS kind,
       e.name AS name,
       properties(e) AS props
