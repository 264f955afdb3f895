// V008: the blastgate processes that carry actions out. One GateProcess per running process (id made
// at its start), whose seen_at it renews every little while: a request another process claimed is
// reconciled as interrupted only when that process has not been seen for a while (docs/policy.md, "A
// request's life"). Safe to apply again.
CREATE CONSTRAINT gate_process_id IF NOT EXISTS FOR (p:GateProcess) REQUIRE p.id IS UNIQUE;
CALL db.awaitIndexes(600);
