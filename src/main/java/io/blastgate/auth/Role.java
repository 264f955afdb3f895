package io.blastgate.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a principal may do (api/problems.md). Roles do not imply one another, except that {@link #ADMIN}
 * holds every role.
 */
public enum Role {
  VIEWER,
  IMPORTER,
  RESPONDER,
  APPROVER,
  AUDITOR,
  ADMIN;

  /** The role as the tokens file and the API documents name it, e.g. {@code viewer}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
  }
}
