// Counts marker nodes.
// params: (none)
// returns: one row, the count
MATCH (m:Marker) RETURN count(m) AS markers
