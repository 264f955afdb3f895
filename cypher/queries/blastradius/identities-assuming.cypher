// One step of the breadth-first search for dependent identities: the identities that can assume,
// impersonate or federate into any of the given ones (X -[:CAN_ASSUME]-> I), each with the one it
// assumes into, so that the search can choose the parent of its CAN_ASSUME chain.
// traversal: dependent_identities
// params: ids
// returns: one row per distinct assuming identity and given identity it assumes into: id, parent, name,
//          kind, sources (the import sources that assert it)
UNWIND $ids AS iid
MATCH (:Identity {id: iid})<-[:CAN_ASSUME]-(x:Identity)
RETURN DISTINCT x.id AS id, iid AS parent, coalesce(x.name, x.id) AS name, x.kind AS kind,
                coalesce(x.sources, []) AS sources
