package io.blastgate.gate;

import java.util.Locale;

/** A step of the containment ladder, mildest first. */
public enum Stage {
  ENRICH,
  SOFT,
  HARD;

  /** The stage as documents and the wire name it: {@code soft}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
