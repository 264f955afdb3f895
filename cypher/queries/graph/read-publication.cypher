// What a reader checks before and after its reads: the count of imports published so far, and the
// run (with its source) that is publishing one in parts now, if any. While one is, the graph is
// between two states; a read that saw the count move may have seen both, and is done again.
// params: (none)
// returns: seq (integer, 0 before the first import), writer (run id or null), source (or null)
OPTIONAL MATCH (p:Publication {name: 'graph'})
RETURN coalesce(p.seq, 0) AS seq, p.writer AS writer, p.source AS source
