// The neighbours of an entity in both directions, over the model's relationship types, at most
// $limit of them (the service asks for one more than it shows, to know whether it cut the list).
// params: id, limit
// returns: direction ('out' when the relationship starts at the entity, else 'in'), type, and the
//          neighbour's id, label, kind, name; outgoing first, then by type and id
// traversal: neighbours
MATCH (e:Entity {id: $id})-[r:AUTHENTICATES_AS|USES|RUNS_AS|CAN_ASSUME|DEPENDS_ON|OWNS|MEMBER_OF]-(n)
RETURN CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       type(r) AS type,
       n.id AS id,
       [l IN labels(n) WHERE l IN ['Identity', 'Credential', 'Workload', 'Owner']][0] AS label,
       n.kind AS kind,
       n.name AS name
ORDER BY direction DESC, type, id
LIMIT $limit
