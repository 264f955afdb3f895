package io.blastgate.gate;

import io.blastgate.error.BlastgateException;
import java.util.Locale;

/**
 * How sure a detection is: a level, or a score in [0, 1] that the policy's bands map to one ({@link
 * Policy.ConfidenceBands}).
 */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A level by its wire name ({@code high}); anything else is invalid input that says what is accepted. */
  public static Confidence fromWireName(String name) {
    for (Confidence c : values()) {
      if (c.wireName().equals(name)) {
        return c;
      }
    }
    throw new BlastgateException.InvalidInput(
        "'confidence' must be low, medium, high or a score from 0 to 1; got '" + name + "'");
  }

  /** The level of a score under {@code bands}; a score outside [0, 1] is invalid input. */
  public static Confidence ofScore(double score, Policy.ConfidenceBands bands) {
    if (!(score >= 0 && score <= 1)) {
      throw new BlastgateException.InvalidInput(
          "'confidence' as a score must be from 0 to 1; got " + score);
    }
    if (score >= bands.highFrom()) {
      return HIGH;
    }
    return score >= bands.mediumFrom() ? MEDIUM : LOW;
  }
}
