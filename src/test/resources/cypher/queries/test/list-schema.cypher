// The schema's indexes by name, and whether a constraint owns each, to check what the migrations made.
// params: (none)
// returns: name (string), type (RANGE, FULLTEXT, LOOKUP…), constraint (boolean), one row per index
SHOW INDEXES YIELD name, type, owningConstraint
RETURN name, type, owningConstraint IS NOT NULL AS constraint
ORDER BY name
