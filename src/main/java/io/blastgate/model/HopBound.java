package io.blastgate.model;

/**
 * The bound on how many hops a blast radius follows, the one home of its figures. The model's
 * definition (graph-model/README.md) allows a bound for safety (the setting) only if it is at least
 * {@link #MIN} hops; a responder may ask one answer for fewer, down to {@link #DIRECT} (the directly
 * impacted workloads only). Either way an answer that the bound may have cut says {@code truncated}.
 */
public final class HopBound {
  /** The smallest bound the model allows. */
  public static final int MIN = 10;

  /** The bound when none is configured ({@code BLASTGATE_MAX_HOPS}). */
  public static final int DEFAULT = 50;

  /** The smallest bound one answer may ask for: no DEPENDS_ON or CAN_ASSUME step at all. */
  public static final int DIRECT = 0;

  private HopBound() {}

  /** Whether a bound is one the model allows. */
  public static boolean allowed(int maxHops) {
    return maxHops >= MIN;
  }

  /** What a refused bound is told. */
  public static String rule(int maxHops) {
    return "max hops must be at least " + MIN + ", was " + maxHops;
  }

  /** Whether one answer may ask for this bound: any from {@link #DIRECT} up. */
  public static boolean allowedForOneAnswer(int maxHops) {
    return maxHops >= DIRECT;
  }

  /** What a refused bound of one answer is told. */
  public static String ruleForOneAnswer(int maxHops) {
    return "max hops must be at least " + DIRECT + ", was " + maxHops;
  }
}
