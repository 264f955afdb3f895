// Whether Neo4j has the blastgate plugin's version function (then plugin-version says which protocol).
// params: (none)
// returns: one row: installed (count of matching functions, 0 or 1)
SHOW FUNCTIONS YIELD name
WHERE name = 'blastgate.pluginVersion'
RETURN count(*) AS installed
