package io.blastgate.audit;

import java.util.List;
import java.util.OptionalLong;

/** One page of a listing, oldest first; {@code nextAfterSeq} is the cursor of the next page, empty on the last. */
public record AuditPage(List<AuditEntry> entries, OptionalLong nextAfterSeq) {
  public AuditPage {
    entries = List.copyOf(entries);
    java.util.Objects.requireNonNull(nextAfterSeq, "nextAfterSeq");
  }
}
