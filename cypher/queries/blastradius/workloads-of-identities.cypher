// Directly impacted workloads of an identity target, given its dependent identities: every workload
// that runs as one of them, and every workload that uses a credential authenticating as one of them.
// Decommissioned workloads are never impacted.
// traversal: direct_workloads_of_identity
// params: ids
// returns: one row per distinct workload: id
UNWIND $ids AS iid
MATCH (i:Identity {id: iid})
CALL (i) {
  MATCH (w:Workload)-[:RUNS_AS]->(i)
  RETURN w
  UNION
  MATCH (w:Workload)-[:USES]->(:Credential)-[:AUTHENTICATES_AS]->(i)
  RETURN w
}
WITH DISTINCT w
WHERE w.status IS NULL OR w.status <> 'decommissioned'
RETURN w.id AS id
