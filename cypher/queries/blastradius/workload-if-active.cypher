// The directly impacted workload of a workload target: itself, unless it is decommissioned.
// params: id
// returns: zero or one row: id
MATCH (w:Workload {id: $id})
WHERE w.status IS NULL OR w.status <> 'decommissioned'
RETURN w.id AS id
