// The cheapest round trip: whether the database answers, and the baseline the benchmark compares with.
// params: (none)
// returns: one row, the number 1
RETURN 1 AS one
