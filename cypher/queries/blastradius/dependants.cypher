// One step of the breadth-first search for impacted workloads: the workloads that depend on any of the
// given ones (u -[:DEPENDS_ON]-> d). Decommissioned workloads are neither impacted nor traversed.
// traversal: dependants
// params: ids
// returns: one row per distinct dependant: id
UNWIND $ids AS did
MATCH (:Workload {id: did})<-[:DEPENDS_ON]-(u:Workload)
WHERE u.status IS NULL OR u.status <> 'decommissioned'
RETURN DISTINCT u.id AS id
