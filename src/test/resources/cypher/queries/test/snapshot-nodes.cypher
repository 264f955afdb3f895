// Every model node with its labels and properties, for tests that compare whole graphs through the
// driver (a database of another process's data folder).
// params: (none)
// returns: id, labels (list of strings), props (map of every property)
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
