// What the importer keeps besides the model: the open journals, whether a run is publishing, and the
// sources' records, for tests of imports stopped by a crash.
// params: (none)
// returns: journals (count), writer (run id or null), sources (list of maps of every property)
OPTIONAL MATCH (j:ImportJournal)
WITH count(j) AS journals
OPTIONAL MATCH (p:Publication {name: 'graph'})
WITH journals, p.writer AS writer
OPTIONAL MATCH (s:Source)
RETURN journals, writer, collect(properties(s)) AS sources
