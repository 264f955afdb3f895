package io.blastgate.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who presented a valid token: the token's name, the principal it stands for (ideally an Owner person
 * id such as {@code person:ana}) and its roles.
 */
public record Principal(String tokenName, String id, Set<Role> roles) {
  public Principal {
    Objects.requireNonNull(tokenName, "tokenName");
    Objects.requireNonNull(id, "id");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether one of the principal's roles grants the role ({@link Role#grants}). */
  public boolean has(Role role) {
    return roles.stream().anyMatch(r -> r.grants(role));
  }
}
