// The names of the schema's constraints, to check that the migrations reached a database.
// params: (none)
// returns: name (string), one row per constraint
SHOW CONSTRAINTS YIELD name
RETURN name
ORDER BY name
