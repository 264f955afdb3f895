package io.blastgate.entities;

import io.blastgate.model.Containment;
import io.blastgate.model.OwnerRef;
import java.util.List;
import java.util.Objects;

/**
 * What a responder looks at first: the entity, what the gate already did to it ({@code containment},
 * null when nothing), its owners, and its neighbours in both directions (at most {@link
 * EntityService#MAX_NEIGHBOURS}; {@code neighboursTruncated} says when there were more).
 */
public record EntityDetail(
    Entity entity, Containment containment, List<OwnerRef> owners, List<Neighbour> neighbours, boolean neighboursTruncated) {
  public EntityDetail {
    Objects.requireNonNull(entity, "entity");
    owners = List.copyOf(owners);
    neighbours = List.copyOf(neighbours);
  }
}
