package io.blastgate.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit entry records, with the names on the wire of gate.md ("The words on the wire"). */
public enum AuditEvent {
  REQUESTED,
  DECIDED,
  APPROVED,
  REJECTED,
  EXPIRED,
  EXECUTION_STARTED,
  EXECUTED,
  EXECUTION_FAILED,
  ROLLED_BACK,
  POLICY_CHANGED,
  DETECTION;

  /** The name on the wire and in the graph, e.g. {@code execution_started}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AuditEvent> fromWireName(String name) {
    return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst();
  }
}
