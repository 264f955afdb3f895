package io.blastgate.model;

/**
 * The bound on how many hops a blast radius follows, the one home of its figures. The model's
 * definition (graph-model/README.md) allows a bound for safety only if it is at least {@link #MIN}
 * hops; an answer that the bound may have cut says {@code truncated}.
 */
public final class HopBound {
  /** The smallest bound the model allows. */
  public static final int MIN = 10;

  /** The bound when none is configured ({@code BLASTGATE_MAX_HOPS}). */
  public static final int DEFAULT = 50;

  private HopBound() {}

  /** Whether a bound is one the model allows. */
  public static boolean allowed(int maxHops) {
    return maxHops >= MIN;
  }

  /** What a refused bound is told. */
  public static String rule(int maxHops) {
    return "max hops must be at least " + MIN + ", was " + maxHops;
  }
}
