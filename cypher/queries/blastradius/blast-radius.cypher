// The whole blast radius of model.md in one statement, computed inside Neo4j by the blastgate plugin
// (io.blastgate.plugin.BlastRadiusProcedure): the same answer as the other files of this folder, which
// are used when the plugin is not installed. Walks the traversals dependent_identities,
// direct_workloads_of_credential, direct_workloads_of_identity, dependants, ownership and
// shared_secret_reach of graph-model/model.yaml.
// params: id, maxHops
// returns: one row per impacted workload, in breadth-first order, then one last row. A workload row
//   has workload: [id, name, kind, hops, criticality, environment, status, owner ids sorted] (a list,
//   because answers reach tens of thousands of workloads) and owners: the owners this row is the
//   first to mention, a map from owner id to {name, kind, teams} (a team's teams are itself, a
//   person's the teams it is a member of), or null. The last row has workload null and answer: null
//   if no entity has the id, else target {id, label, kind, name}; for an Owner target nothing more;
//   otherwise also truncated, direct (count of directly impacted workloads), dependents [{id, name,
//   kind, depth}], shared_secrets [{id, name, kind, consumers sorted, teams sorted, environments
//   sorted}] sorted by id, sources [{source, last_synced}].
CALL blastgate.blastRadius($id, $maxHops) YIELD workload, owners, answer
RETURN workload, owners, answer
