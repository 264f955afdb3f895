// The credentials of an identity: those that authenticate as it.
// params: id
// returns: one row per credential: id
MATCH (c:Credential)-[:AUTHENTICATES_AS]->(:Identity {id: $id})
RETURN c.id AS id
ORDER BY id
