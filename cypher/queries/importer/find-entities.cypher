// The entities already in the graph among the given ids, with their labels, kind and sources: the
// importer resolves references to them and refuses an id that names an entity of another label.
// params: ids (list of strings)
// returns: id, labels (list of strings), kind, sources (list of strings, or null)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, n.kind AS kind, n.sources AS sources
