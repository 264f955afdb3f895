// V006: action requests through the gate. One id names one request; one requester's idempotency key
// names at most one request (key_scope is "<requester> <key>"), so that a retried request finds the
// first one instead of acting twice, even when two arrive at once. Safe to apply again.
CREATE CONSTRAINT action_request_id IF NOT EXISTS FOR (r:ActionRequest) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT action_request_key IF NOT EXISTS FOR (r:ActionRequest) REQUIRE r.key_scope IS UNIQUE;
CREATE INDEX action_request_status IF NOT EXISTS FOR (r:ActionRequest) ON (r.status);
CALL db.awaitIndexes(600);
