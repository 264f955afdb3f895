package io.blastgate.model;

import java.util.Objects;

/** A node of the model as a person reads it: what it is and what it is called. */
public record EntityRef(String id, Label label, String kind, String name) {
  public EntityRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }
}
