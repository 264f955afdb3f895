package io.blastgate.entities;

import java.util.Objects;

/** An owner (a person or a team) as listed with an entity. */
public record OwnerRef(String id, String name, String kind) {
  public OwnerRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
