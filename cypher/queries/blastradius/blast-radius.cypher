// The whole blast radius (graph-model/README.md) in one statement, computed inside Neo4j by the
// blastgate plugin (io.blastgate.plugin.BlastRadiusProcedure): the same answer as the other files of this folder, which
// are used when the plugin is not installed. Walks the traversals dependent_identities,
// direct_workloads_of_credential, direct_workloads_of_identity, dependants, ownership and
// shared_secret_reach of graph-model/model.yaml.
// params: id, maxHops
// returns: rows of impacted workloads, breadth-first, up to 256 a row, then one last row. Answers
//   reach tens of thousands of workloads, so a row is compact, with words and owners numbered:
//   ids (list), names (list), parents (per workload, the parent of its via: the next entity toward
//   the target, graph-model/README.md "Why it is impacted: via"; "" when the workload is the target),
//   codes (per workload: hops, then the words of kind, criticality, environment and status, then n
//   and the numbers of its n owners, sorted by owner id),
//   words (the words first used in this row; word 0 is null, the first word sent is 1),
//   owners (the owners first met in this row, each [id, name, kind, teams], numbered from 0; a
//   team's teams are itself, a person's the teams it is a member of) and answer (null).
//   The last row has empty lists and answer: null if no entity has the id, else target {id, label,
//   kind, name}; for an Owner target nothing more; otherwise also truncated, direct (count of
//   directly impacted workloads), dependents [{id, name, kind, depth, parent}] (the target not among
//   them), via_credentials [{id, name, parent}] (the credentials a via of an identity target runs
//   through), shared_secrets [{id, name, kind, consumers sorted, teams sorted, environments sorted}]
//   sorted by id, sources [{source, last_synced}] (the sources that assert an entity the answer
//   names, sorted).
CALL blastgate.blastRadius($id, $maxHops) YIELD ids, names, parents, codes, words, owners, answer
RETURN ids, names, parents, codes, words, owners, answer
