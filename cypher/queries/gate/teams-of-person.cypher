// The teams a person is a member of, for who may approve.
// params: id
// returns: one row per team: team
MATCH (p:Owner {id: $id, kind: 'person'})-[:MEMBER_OF]->(t:Owner {kind: 'team'})
RETURN t.id AS team
