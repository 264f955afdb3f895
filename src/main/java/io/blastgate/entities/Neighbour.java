package io.blastgate.entities;

import io.blastgate.model.EntityRef;
import io.blastgate.model.RelType;
import java.util.Objects;

/** A relationship of the model between the entity asked for and another one. */
public record Neighbour(Direction direction, RelType type, EntityRef entity) {
  /** {@code OUT} when the relationship starts at the entity asked for, {@code IN} when it ends there. */
  public enum Direction {
    OUT,
    IN
  }

  public Neighbour {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(entity, "entity");
  }
}
