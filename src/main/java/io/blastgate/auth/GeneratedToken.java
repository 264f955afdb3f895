package io.blastgate.auth;

import java.util.Objects;

/**
 * A token just made: the plaintext, to show its owner once, and the entry to store. The plaintext
 * exists nowhere else; {@link #toString()} does not print it.
 */
public record GeneratedToken(String token, TokenEntry entry) {
  public GeneratedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(entry, "entry");
  }

  @Override
  public String toString() {
    return "GeneratedToken[token=***, entry=" + entry + "]";
  }
}
