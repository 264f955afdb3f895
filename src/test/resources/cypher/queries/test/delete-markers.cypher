// Deletes every marker node, so that a test against a shared database starts from none.
// params: (none)
// returns: nothing
MATCH (m:Marker) DETACH DELETE m
