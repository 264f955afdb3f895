// At start-up, for a run whose copy of its input was found with no journal in the graph: unless the
// run was published (its source's last run), it was stopped before it began publishing, so the graph
// is as before it; the source's record, if it has one, says so (recovered: back, with the run and when
// it was found).
// params: source, run, now
// returns: stopped (true when the run was not published and the record now says so)
OPTIONAL MATCH (published:Source {name: $source, last_run: $run})
WITH published IS NULL AS stopped
CALL (stopped) {
  WITH stopped WHERE stopped
  MATCH (s:Source {name: $source})
  SET s.recovered = 'back', s.stopped_run = $run, s.stopped_found = $now
}
RETURN stopped
