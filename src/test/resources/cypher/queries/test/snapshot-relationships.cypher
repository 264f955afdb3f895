// Every relationship between model nodes with its properties, for tests that compare whole graphs
// through the driver.
// params: (none)
// returns: from, type, to, props (map of every property)
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
