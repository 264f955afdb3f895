// What the gate knows of a target besides its blast radius: its label, kind and tags, and for a
// credential the identity it authenticates as, whose kind chooses the policy's limits and whose
// `protected` tag protects the credential too (docs/policy.md).
// params: id
// returns: at most one row: id, label, kind, tags, identity_id, identity_kind, identity_tags
MATCH (t:Entity {id: $id})
WHERE t:Identity OR t:Credential OR t:Workload
OPTIONAL MATCH (t:Credential)-[:AUTHENTICATES_AS]->(i:Identity)
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
       t.contained_until AS contained_until
