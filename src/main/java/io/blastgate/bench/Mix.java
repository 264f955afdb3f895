package io.blastgate.bench;

/**
 * Deterministic draws. Every attribute of every synthetic entity is a pure function of (seed, draw,
 * index), so the writer can stream entities one at a time, in any order, and still produce the same
 * bytes for the same seed: no shared random state, no floating point that differs between platforms
 * ({@link StrictMath} where a power is needed).
 */
final class Mix {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Mix() {}

  /** What a draw decides; the number keeps a draw's stream stable when constants are added. */
  enum Draw {
    DOMAIN_SIZES(1),
    ROLE_CHAINS(2),
    SHARED_CONSUMERS(3),
    TYPICAL(4),
    WL_KIND(10),
    WL_RUNS_AS(11),
    WL_CRITICALITY(12),
    WL_ENVIRONMENT(13),
    WL_STATUS(14),
    WL_DEP_COUNT(15),
    WL_DEP_LAYER(16),
    WL_DEP_INDEX(17),
    WL_OWNER(18),
    ID_STATUS(20),
    ID_ASSUME(21),
    ID_TAGS(22),
    ID_OWNER(23),
    CRED_KIND(30),
    CRED_STATUS(31),
    CRED_AUTH(32),
    CRED_TIMES(33),
    CRED_ORPHAN(34),
    CRED_OWNER(35),
    TEAM(40),
    PERSON(41),
    DOMAIN(42);

    final long stream;

    Draw(int stream) {
      this.stream = stream;
    }
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long hash(long seed, Draw draw, long index) {
    return mix64(mix64(seed + GOLDEN * draw.stream) ^ (index * GOLDEN + 0x632BE59BD9B4E019L));
  }

  /** A second draw for the same entity (the j-th pick of a list). */
  static long hash(long seed, Draw draw, long index, long j) {
    return mix64(hash(seed, draw, index) + (j + 1) * GOLDEN);
  }

  /** Uniform in [0, 1). */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  static int below(long hash, int bound) {
    return (int) Math.floorMod(hash, (long) bound);
  }

  /**
   * A skewed index in [0, bound): index 0 is the most likely, with P(index < k) = sqrt(k / bound).
   * A few entities draw most of the picks, the long tail gets one or two: the shape of "everyone
   * depends on the main database" and "everyone assumes the deployer role".
   */
  static int skewed(long hash, int bound) {
    double u = unit(hash);
    return Math.min(bound - 1, (int) (bound * u * u));
  }
}
