// Searches entities by name or id: an entity whose id is exactly $text first, then the hits of the
// full-text index entity_search (V002) for $lucene, best score first; optionally one label only.
// $lucene is built by the service from the user's text with every Lucene special character escaped,
// so the user cannot write Lucene syntax. Paged by $offset and $limit.
// params: text, lucene, label (a label name or null for all), offset, limit
// returns: id, label, kind, name of each hit
CALL () {
  MATCH (n:Entity {id: $text})
  WHERE n:Identity OR n:Credential OR n:Workload OR n:Owner
  RETURN n, 0 AS rank, 0.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
  WHERE node.id <> $text
  RETURN node AS n, 1 AS rank, score
}
WITH n, rank, score
WHERE $label IS NULL OR $label IN labels(n)
RETURN n.id AS id,
       [l IN labels(n) WHERE l IN ['Identity', 'Credential', 'Workload', 'Owner']][0] AS label,
       n.kind AS kind,
       n.name AS name
ORDER BY rank, score DESC, id
SKIP $offset
LIMIT $limit
