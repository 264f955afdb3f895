package io.blastgate.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the trail as it is stored: its place in the chain ({@code seq}, from 1), when it was
 * written, what happened, and the two hashes that chain it ({@code prevHash}, the hash of entry {@code
 * seq - 1} or {@link AuditTrail#GENESIS} for the first; {@code hash}, its own). {@code event} is the
 * wire name as stored: the program writes only {@link AuditEvent} names, a changed entry may hold
 * anything (verification says so). {@code details} is the canonical JSON text the hash covers.
 */
public record AuditEntry(
    long seq,
    Instant at,
    String event,
    String actor,
    String requestId,
    String target,
    String details,
    String prevHash,
    String hash) {
  public AuditEntry {
    Objects.requireNonNull(details, "details");
  }

  /** The details as a map, or, if the stored text is no longer a JSON object, that text under {@code unreadable}. */
  public Map<String, Object> detailsMap() {
    return CanonicalJson.readObject(details);
  }
}
