package io.blastgate.importer;

/**
 * What an import wrote: entities per label and relationships asserted by this run, and what the
 * sync afterwards deleted from the graph because no source asserts it any more.
 */
public record Counts(
    long identities,
    long credentials,
    long workloads,
    long owners,
    long relationships,
    long removedNodes,
    long removedRelationships) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

  public Counts {
    if (identities < 0
        || credentials < 0
        || workloads < 0
        || owners < 0
        || relationships < 0
        || removedNodes < 0
        || removedRelationships < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /** Entities of all labels together. */
  public long entities() {
    return identities + credentials + workloads + owners;
  }
}
