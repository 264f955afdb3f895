// Finds one model entity by its id, with all its properties (the service keeps those the model
// declares for the entity's label, and the provenance), and when it was last seen: the latest sync of
// a source that asserts it (a source re-asserts everything it holds each time it syncs; falls back to
// its last change when no source record is there).
// params: id
// returns: at most one row: id, label (the model label), kind, name, props (map of every property),
//          last_seen
MATCH (e:Entity {id: $id})
WHERE e:Identity OR e:Credential OR e:Workload OR e:Owner
OPTIONAL MATCH (s:Source)
WHERE s.name IN e.sources
WITH e, max(s.last_synced) AS synced
RETURN e.id AS id,
       [l IN labels(e) WHERE l IN ['Identity', 'Credential', 'Workload', 'Owner']][0] AS label,
       e.kind AS kind,
       e.name AS name,
       properties(e) AS props,
       coalesce(synced, e.last_changed) AS last_seen
