// The owners (persons or teams) that OWNS an entity directly.
// params: id
// returns: id, name, kind of each owner, ordered by id
MATCH (o:Owner)-[:OWNS]->(:Entity {id: $id})
RETURN DISTINCT o.id AS id, o.name AS name, o.kind AS kind
ORDER BY id
