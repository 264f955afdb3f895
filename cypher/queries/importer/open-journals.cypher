// The journals of imports that began publishing in parts and never ended: a crash stopped them.
// params: (none)
// returns: run, source, format, options, input, now, and the planned counts and removals of each
MATCH (j:ImportJournal)
RETURN j.run AS run, j.source AS source, j.format AS format, coalesce(j.options, []) AS options,
       j.input AS input, j.now AS now,
       properties(j) AS journal
ORDER BY j.now
