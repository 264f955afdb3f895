/**
 * The audit trail: append-only entries in the graph, each chained to the one before by an HMAC-SHA256
 * keyed with a secret held outside the graph, so that whoever can write the database cannot rewrite the
 * chain unseen; the walk that verifies it; the listing that filters and pages it. Depends on {@code
 * model}, {@code error} and {@code graph} only; every feature that changes state may write here, inside
 * its own write transaction. The key comes from the caller ({@code services} reads it from the
 * configuration). docs/audit.md says what it catches and what it cannot.
 */
package io.blastgate.audit;
