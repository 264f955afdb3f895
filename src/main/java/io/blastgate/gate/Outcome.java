package io.blastgate.gate;

import java.util.Locale;

/** What the gate answers, from the most permissive to the strictest. */
public enum Outcome {
  EXECUTE,
  REQUIRE_APPROVAL,
  DENY;

  /** The outcome as the wire names it: {@code require_approval}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stricter of the two. */
  public Outcome atLeast(Outcome other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public static Outcome fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
