package io.blastgate.model;

import java.util.Objects;

/** An owner as answers show it: a person or a team, by id, name and kind. */
public record OwnerRef(String id, String name, String kind) {
  public OwnerRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
