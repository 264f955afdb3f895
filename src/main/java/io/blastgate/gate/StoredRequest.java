package io.blastgate.gate;

import io.blastgate.graph.Row;
import java.time.Instant;
import java.util.List;

/**
 * An action request as the graph keeps it ({@code ActionRequest} node): what was asked, by whom, its
 * status, its decision (as JSON, {@link DecisionCodec}), who approved it, how its execution went, and
 * why its last rollback did not end (failed outside, or interrupted; null when none did).
 */
public record StoredRequest(
    String id,
    String target,
    String action,
    String confidence,
    String confidenceGiven,
    String reason,
    String requester,
    String idempotencyKey,
    String status,
    String decisionJson,
    int approvalsNeeded,
    List<String> approvers,
    List<String> approvedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    String executionDetail,
    String comment,
    String rollbackDetail,
    List<String> executionMemos) {

  /** A request from the {@code request} map a query of {@code cypher/queries/gate/} returns. */
  static StoredRequest of(Row r) {
    return new StoredRequest(r.text("id"), r.text("target"), r.text("action"), r.text("confidence"),
        r.text("confidence_given"), r.textOrNull("reason"), r.text("requester"), r.textOrNull("idempotency_key"),
        r.text("status"), r.text("decision"), r.integer("approvals_needed"), r.textsOrEmpty("approvers"),
        r.textsOrEmpty("approved_by"), Instant.parse(r.text("created_at")), Instant.parse(r.text("updated_at")),
        r.isNull("expires_at") ? null : Instant.parse(r.text("expires_at")), r.textOrNull("execution_detail"),
        r.textOrNull("comment"), r.textOrNull("rollback_detail"), r.textsOrEmpty("execution_memos"));
  }

  /**
   * The memo an executor left when it acted (kept as {@code name=memo} in {@code execution_memos}), for
   * its undo; null when it left none.
   */
  String memoOf(String executor) {
    String prefix = executor + "=";
    return executionMemos.stream().filter(m -> m.startsWith(prefix)).map(m -> m.substring(prefix.length()))
        .findFirst().orElse(null);
  }

  /** The request as the client asked it. */
  ActionRequest asked() {
    return new ActionRequest(target, action, confidenceGiven, reason, requester, idempotencyKey, false);
  }

  /** The key an executor is given: the same for every attempt of this request. */
  String executionKey() {
    return idempotencyKey != null ? requester + ":" + idempotencyKey : id;
  }
}
