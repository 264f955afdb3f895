package io.blastgate.wire;

import io.blastgate.audit.AuditEntry;
import io.blastgate.audit.AuditPage;
import io.blastgate.audit.Verification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of the audit trail with the verdict on the whole chain (api/openapi.yaml, {@code AuditAnswer}):
 * the entries in the words on the wire of gate.md, {@code verified}, every problem found, and the cursor
 * of the next page ({@code next_after_seq}, null on the last).
 */
public record AuditJson(List<Entry> entries, boolean verified, List<Problem> problems, Long nextAfterSeq) {

  public static AuditJson of(AuditPage page, Verification verification) {
    return new AuditJson(
        page.entries().stream().map(Entry::of).toList(),
        verification.verified(),
        verification.problems().stream().map(p -> new Problem(p.seq(), p.message())).toList(),
        page.nextAfterSeq().isPresent() ? page.nextAfterSeq().getAsLong() : null);
  }

  /** One entry, as the API answers it and as an export writes it, one per line. */
  public record Entry(
      long seq,
      Instant at,
      String event,
      String actor,
      String requestId,
      String target,
      Map<String, Object> details,
      String prevHash,
      String hash) {
    public static Entry of(AuditEntry e) {
      return new Entry(e.seq(), e.at(), e.event(), e.actor(), e.requestId(), e.target(), e.detailsMap(),
          e.prevHash(), e.hash());
    }
  }

  /** One thing wrong with the chain: the entry it concerns (null for the head) and what. */
  public record Problem(Long seq, String message) {}
}
