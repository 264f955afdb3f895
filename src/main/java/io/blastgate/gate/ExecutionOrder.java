package io.blastgate.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * What an executor is told to do: one action on one target, for one request. {@code idempotencyKey}
 * is the same for every attempt of the same request (the request's own key, or its id), so that the
 * system on the other side can refuse to act twice; {@code undo} asks to roll a reversible action back;
 * {@code expiresAt} is when a {@code suspend} restores itself (null otherwise); {@code memo}, on an
 * undo, is what this executor said it would need when it acted ({@link ExecutionResult#memo}; null
 * when it said nothing).
 */
public record ExecutionOrder(
    String requestId,
    String idempotencyKey,
    String action,
    String targetId,
    String targetLabel,
    String targetKind,
    boolean undo,
    Instant expiresAt,
    String requester,
    String reason,
    String memo) {
  public ExecutionOrder {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(targetLabel, "targetLabel");
  }

  /** An order that carries no memo (every order but an undo of something that left one). */
  public ExecutionOrder(String requestId, String idempotencyKey, String action, String targetId, String targetLabel,
      String targetKind, boolean undo, Instant expiresAt, String requester, String reason) {
    this(requestId, idempotencyKey, action, targetId, targetLabel, targetKind, undo, expiresAt, requester, reason, null);
  }

  /** The same order with the memo one executor left when it acted. */
  ExecutionOrder withMemo(String memo) {
    return new ExecutionOrder(requestId, idempotencyKey, action, targetId, targetLabel, targetKind, undo, expiresAt,
        requester, reason, memo);
  }
}
