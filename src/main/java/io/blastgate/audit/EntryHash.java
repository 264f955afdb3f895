package io.blastgate.audit;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The hash of an entry: HMAC-SHA256, under the trail's key, of one canonical JSON array of the fields
 * it covers, in this order: a version tag, seq, at (RFC 3339, UTC), event, actor, request_id, target,
 * details (the stored text), prev_hash. Changing any of them, or the entry it chains to, changes it.
 */
final class EntryHash {
  private static final String VERSION = "blastgate-audit-v1";

  private EntryHash() {}

  static String of(AuditKey key, AuditEntry e) {
    String at = e.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(e.at());
    return key.sign(
        CanonicalJson.fields(
            Arrays.asList(
                VERSION, e.seq(), at, e.event(), e.actor(), e.requestId(), e.target(), e.details(), e.prevHash())));
  }
}
