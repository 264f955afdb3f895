// Records an executed action's new state on its target, apart from what import sources assert (a
// re-import does not undo it): which containment, by which request, since and until when.
// params: id, containment, request, now, until
// returns: id
MATCH (t:Entity {id: $id})
SET t.containment = $containment, t.contained_by = $request, t.contained_at = $now, t.contained_until = $until
RETURN t.id AS id
