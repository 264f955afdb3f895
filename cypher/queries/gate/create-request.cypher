// Keeps an action request with its decision. key_scope is null without an idempotency key; with
// one, the uniqueness constraint of V006 refuses a second request of the same requester and key.
// params: props (id, key_scope, target, action, confidence, confidence_given, reason, requester,
//         idempotency_key, status, decision, approvals_needed, approvers, approved_by, created_at,
//         updated_at, expires_at, executor: the process carrying it out when it is kept executing)
// returns: id
CREATE (r:ActionRequest)
SET r = $props
RETURN r.id AS id
