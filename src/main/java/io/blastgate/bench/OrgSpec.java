package io.blastgate.bench;

/**
 * What synthetic organisation to generate. The same spec always gives the same bundle, byte for byte.
 *
 * @param seed any number; different seeds give different organisations of the same shape
 * @param nodes the number of entities (identities, credentials, workloads and owners together)
 * @param typicalTargets how many "typical" blast-radius targets to list: drawn uniformly among the
 *     identities, credentials and workloads
 * @param mostSharedTargets how many "most-shared" targets to list: the credentials with the most
 *     consumers
 */
public record OrgSpec(long seed, int nodes, int typicalTargets, int mostSharedTargets) {
  /** Below this the proportions leave some kinds of entity empty. */
  public static final int MIN_NODES = 1_000;

  /** Indices are ints; well above the million. */
  public static final int MAX_NODES = 200_000_000;

  public OrgSpec {
    if (nodes < MIN_NODES || nodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "nodes must be " + MIN_NODES + ".." + MAX_NODES + ", was " + nodes);
    }
    if (typicalTargets < 0 || mostSharedTargets < 0) {
      throw new IllegalArgumentException("target counts cannot be negative");
    }
  }

  /** 2000 typical targets and the 10 most-shared credentials. */
  public static OrgSpec of(long seed, int nodes) {
    return new OrgSpec(seed, nodes, 2_000, 10);
  }
}
