// Whether the plugin's procedures may run: Neo4j registers a procedure that needs its internal API
// but is not allowed it (dbms.security.procedures.unrestricted) as one that fails when called. Asks
// for an id no entity has, so that the answer is one row and reads nothing.
// params: (none)
// returns: one row: rows (1)
CALL blastgate.blastRadius('', 10) YIELD answer
RETURN count(*) AS rows
