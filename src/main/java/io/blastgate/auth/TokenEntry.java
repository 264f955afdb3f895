package io.blastgate.auth;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the tokens file: a token's name, its principal, its roles and the SHA-256 of the token.
 * The token itself is never stored. {@link #toString()} leaves the hash out, so that it cannot reach a
 * log by accident.
 */
public record TokenEntry(String name, String principal, Set<Role> roles, String sha256) {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  public TokenEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(sha256, "sha256");
    if (name.isBlank() || principal.isBlank()) {
      throw new IllegalArgumentException("a token needs a name and a principal");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("token '" + name + "' needs at least one role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!HEX_SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("token '" + name + "': sha256 must be 64 hexadecimal digits");
    }
  }

  byte[] hashBytes() {
    return HexFormat.of().parseHex(sha256);
  }

  Principal principalOf() {
    return new Principal(name, principal, roles);
  }

  @Override
  public String toString() {
    return "TokenEntry[name=" + name + ", principal=" + principal + ", roles=" + roles + ", sha256=***]";
  }
}
