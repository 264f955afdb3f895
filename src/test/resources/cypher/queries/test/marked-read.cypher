// A statement shaped as the gate's weigh.cypher for graph.PublishedReads: the publication mark first
// and last, here given by the test, so that one attempt can say the graph moved and the next not.
// params: before, writer, source, after
// returns: one row: seq_before, writer, source, one (1), seq_after
RETURN $before AS seq_before, $writer AS writer, $source AS source, 1 AS one, $after AS seq_after
