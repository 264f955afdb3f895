// Directly impacted workloads of a credential target: every workload that presents it. Decommissioned
// workloads are never impacted.
// traversal: direct_workloads_of_credential
// params: id
// returns: one row per workload: id
MATCH (:Credential {id: $id})<-[:USES]-(w:Workload)
WHERE w.status IS NULL OR w.status <> 'decommissioned'
RETURN DISTINCT w.id AS id
