package io.blastgate.importer;

/**
 * What an import asserted and what it wrote: entities per label and relationships the source asserts
 * in this run; of its entities, those stated exactly as before ({@code unchanged}, not written again)
 * and those written ({@code writtenEntities}, new or stated otherwise), with the relationships written
 * for them; and what the sync deleted from the graph because no source asserts it any more.
 */
public record Counts(
    long identities,
    long credentials,
    long workloads,
    long owners,
    long relationships,
    long unchanged,
    long writtenEntities,
    long writtenRelationships,
    long removedNodes,
    long removedRelationships) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  public Counts {
    if (identities < 0
        || credentials < 0
        || workloads < 0
        || owners < 0
        || relationships < 0
        || unchanged < 0
        || writtenEntities < 0
        || writtenRelationships < 0
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
