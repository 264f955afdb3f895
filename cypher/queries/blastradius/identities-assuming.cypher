// One step of the breadth-first search for dependent identities: the identities that can assume,
// impersonate or federate into any of the given ones (X -[:CAN_ASSUME]-> I).
// traversal: dependent_identities
// params: ids
// returns: one row per distinct assuming identity: id, name, kind
UNWIND $ids AS iid
MATCH (:Identity {id: iid})<-[:CAN_ASSUME]-(x:Identity)
RETURN DISTINCT x.id AS id, coalesce(x.name, x.id) AS name, x.kind AS kind
