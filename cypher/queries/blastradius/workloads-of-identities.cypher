// Directly impacted workloads of an identity target, given its dependent identities: every workload
// that runs as one of them, and every workload that uses a credential authenticating as one of them,
// each with how (the identity, and the credential if through one), so that the via can be chosen.
// Decommissioned workloads are never impacted.
// traversal: direct_workloads_of_identity
// params: ids
// returns: one row per distinct workload, identity and credential (null for RUNS_AS): id, identity,
//          credential, credential_name, credential_sources (the import sources that assert it)
UNWIND $ids AS iid
MATCH (i:Identity {id: iid})
CALL (i) {
  MATCH (w:Workload)-[:RUNS_AS]->(i)
  RETURN w, null AS c
  UNION
  MATCH (w:Workload)-[:USES]->(c:Credential)-[:AUTHENTICATES_AS]->(i)
  RETURN w, c
}
WITH DISTINCT w, i, c
WHERE w.status IS NULL OR w.status <> 'decommissioned'
RETURN w.id AS id, i.id AS identity, c.id AS credential, coalesce(c.name, c.id) AS credential_name,
       coalesce(c.sources, []) AS credential_sources
