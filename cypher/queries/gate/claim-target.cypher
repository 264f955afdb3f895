// In the transaction that claims a request for execution (kept as executing, or moved there from
// pending approval): takes the target's write lock, so that claims of actions on one target are
// settled one after the other, and answers what would make this one act twice: the state it records
// already on the target, or another request of the same action on the same target executing.
// params: target, action, id (the request being claimed)
// returns: at most one row: containment, contained_by, contained_at, contained_until, executing (ids)
MATCH (t:Entity {id: $target})
SET t._claim = true
REMOVE t._claim
WITH t
OPTIONAL MATCH (other:ActionRequest {target: $target, action: $action, status: 'executing'})
WHERE other.id <> $id
RETURN t.containment AS containment, t.contained_by AS contained_by, t.contained_at AS contained_at,
       t.contained_until AS contained_until, collect(other.id) AS executing
