// One step of the breadth-first search for impacted workloads: the workloads that depend on any of the
// given ones (u -[:DEPENDS_ON]-> d), each with the one it depends on, so that the search can choose the
// parent of its via. Decommissioned workloads are neither impacted nor traversed.
// traversal: dependants
// params: ids
// returns: one row per distinct dependant and given workload it depends on: id, parent
UNWIND $ids AS did
MATCH (:Workload {id: did})<-[:DEPENDS_ON]-(u:Workload)
WHERE u.status IS NULL OR u.status <> 'decommissioned'
RETURN DISTINCT u.id AS id, did AS parent
