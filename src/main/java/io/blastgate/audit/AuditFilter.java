package io.blastgate.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What a listing asks for: entries after {@code afterSeq} (0 for the start), oldest first, at most
 * {@code limit} (1 to {@link AuditTrail#MAX_LIMIT}), of one target, one action request, one event and a
 * time range ({@code from} inclusive, {@code to} exclusive) where given.
 */
public record AuditFilter(
    Optional<String> target,
    Optional<String> requestId,
    Optional<AuditEvent> event,
    Optional<Instant> from,
    Optional<Instant> to,
    long afterSeq,
    int limit) {
  public AuditFilter {
    java.util.Objects.requireNonNull(target, "target");
    java.util.Objects.requireNonNull(requestId, "requestId");
    java.util.Objects.requireNonNull(event, "event");
    java.util.Objects.requireNonNull(from, "from");
    java.util.Objects.requireNonNull(to, "to");
    if (afterSeq < 0) {
      throw new IllegalArgumentException("after_seq must be at least 0");
    }
    if (limit < 1 || limit > AuditTrail.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + AuditTrail.MAX_LIMIT);
    }
  }

  /** Everything, from the start, pages of {@code limit}. */
  public static AuditFilter all(int limit) {
    return new AuditFilter(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
  }

  public AuditFilter after(long seq) {
    return new AuditFilter(target, requestId, event, from, to, seq, limit);
  }
}
