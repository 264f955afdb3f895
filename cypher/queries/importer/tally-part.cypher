// In the same transaction as a part of an import that commits in parts: adds what the part wrote and
// removed to the run's journal, so that the source's record counts each once even when start-up
// finishes the import after a crash.
// params: run, relationships (written), removed_nodes, removed_relationships
// returns: nothing
MATCH (j:ImportJournal {run: $run})
SET j.written_relationships = j.written_relationships + $relationships,
    j.removed_nodes = j.removed_nodes + $removed_nodes,
    j.removed_relationships = j.removed_relationships + $removed_relationships
