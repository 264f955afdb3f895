// In the transaction that ends an import that committed in parts: the journal of the run is done;
// answers what it planned and tallied, for the source's record.
// params: run
// returns: journal (map: unchanged, written_entities, written_relationships, removed_nodes,
//          removed_relationships, and the rest of the journal)
MATCH (j:ImportJournal {run: $run})
WITH j, properties(j) AS journal
DELETE j
RETURN journal
