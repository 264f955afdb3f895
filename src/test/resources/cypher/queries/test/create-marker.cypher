// A marker node for persistence tests.
// params: (none)
// returns: nothing
CREATE (:Marker)
