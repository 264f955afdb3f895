// V007: the audit trail. One AuditHead (its write lock orders appends across processes, and MERGE on
// a unique name cannot make two), and one AuditEntry per seq, which also indexes the walk by seq.
// Safe to apply again.
CREATE CONSTRAINT audit_head_name IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.name IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE;
CALL db.awaitIndexes(600);
