// How many nodes the database holds besides the bookkeeping of its schema migrations: a bulk load
// builds a new store and refuses a database that holds anything else. Both counts come from Neo4j's
// count store, so this answers at once whatever the graph's size.
// params: (none)
// returns: nodes (integer)
CALL () { MATCH (n) RETURN count(n) AS total }
CALL () { MATCH (m:Migration) RETURN count(m) AS migrations }
RETURN total - migrations AS nodes
