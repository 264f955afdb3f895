// V005: the one Publication node that readers check (graph/read-publication.cypher) and imports
// bump when they commit, and the journal of an import that commits in parts. One of each name.
// Safe to apply again.
CREATE CONSTRAINT publication_name IF NOT EXISTS FOR (p:Publication) REQUIRE p.name IS UNIQUE;
CREATE CONSTRAINT import_journal_run IF NOT EXISTS FOR (j:ImportJournal) REQUIRE j.run IS UNIQUE;
CALL db.awaitIndexes(600);
