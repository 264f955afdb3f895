// Lifts the containment a request put on its target (a rollback), only if that request put it.
// params: id, request
// returns: at most one row: id
MATCH (t:Entity {id: $id})
WHERE t.contained_by = $request
REMOVE t.containment, t.contained_by, t.contained_at, t.contained_until
RETURN t.id AS id
