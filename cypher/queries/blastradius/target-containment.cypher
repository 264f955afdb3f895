// The containment an executed action recorded on the target, if any (the gate's
// apply-containment.cypher writes it). It changes nothing of the radius; the answer shows it beside
// the target, whichever engine computed the rest.
// params: id
// returns: at most one row: containment, contained_by, contained_at, contained_until
MATCH (t:Entity {id: $id})
WHERE t.containment IS NOT NULL
RETURN t.containment AS containment, t.contained_by AS contained_by, t.contained_at AS contained_at,
       t.contained_until AS contained_until
