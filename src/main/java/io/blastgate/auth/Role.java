package io.blastgate.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a principal may do (api/problems.md, "Authentication and roles"). {@link #ADMIN} holds every
 * role; a {@link #RESPONDER}, an {@link #APPROVER} and an {@link #AUDITOR} also hold {@link #VIEWER},
 * because each must read what it acts on (the blast radius it contains, approves or audits). No other
 * role implies another: an importer who should also read needs viewer as well.
 */
public enum Role {
  VIEWER,
  IMPORTER,
  RESPONDER,
  APPROVER,
  AUDITOR,
  ADMIN;

  /** Whether holding this role grants {@code required}. */
  public boolean grants(Role required) {
    return this == required
        || this == ADMIN
        || (required == VIEWER && (this == RESPONDER || this == APPROVER || this == AUDITOR));
  }

  /** The role as the tokens file and the API documents name it, e.g. {@code viewer}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
  }
}
