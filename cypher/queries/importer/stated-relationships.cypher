// The relationships a source asserts from each of the given entities (a relationship is stated on
// its from end), so that a re-import adds only those that are new and retracts those it no longer
// states.
// params: source, ids (list of strings)
// returns: from, type, to
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:AUTHENTICATES_AS|USES|RUNS_AS|CAN_ASSUME|DEPENDS_ON|OWNS|MEMBER_OF]->(b:Entity)
WHERE $source IN r.sources
RETURN id AS from, type(r) AS type, b.id AS to
