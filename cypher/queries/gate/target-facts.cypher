// What the gate knows of a target besides its blast radius: its label, kind and tags, and for a
// credential the identity it authenticates as, whose kind chooses the policy's limits and whose
// `protected` tag protects the credential too (docs/policy.md); the containment the gate already
// put on it; and which policy is in force (its version and when it was put in force, null for the
// program's default), read in the same state, so that a decision needs no statement of its own for it.
// params: id
// returns: at most one row: id, label, kind, tags, identity_id, identity_kind, identity_tags,
//          containment, contained_by, contained_at, contained_until, policy_version, policy_changed_at
MATCH (t:Entity {id: $id})
WHERE t:Identity OR t:Credential OR t:Workload
OPTIONAL MATCH (t:Credential)-[:AUTHENTICATES_AS]->(i:Identity)
OPTIONAL MATCH (p:GatePolicy {name: 'current'})
RETURN t.id AS id,
       [l IN labels(t) WHERE l IN ['Identity', 'Credential', 'Workload']][0] AS label,
       t.kind AS kind,
       coalesce(t.tags, []) AS tags,
       i.id AS identity_id,
       i.kind AS identity_kind,
       coalesce(i.tags, []) AS identity_tags,
       t.containment AS containment,
       t.contained_by AS contained_by,
       t.contained_at AS contained_at,
       t.contained_until AS contained_until,
       p.version AS policy_version,
       p.changed_at AS policy_changed_at
