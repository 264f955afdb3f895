package io.blastgate.importer;

import io.blastgate.model.file.GraphModel;
import java.util.List;

/** What one field of a bundle entity may hold; the validator switches over these exhaustively. */
sealed interface Field {
  String name();

  /** A non-empty string: id, name, environment, email, … */
  record Text(String name) implements Field {}

  /** One of a closed set of values: kind, status, criticality. {@code noun} names it in messages. */
  record Choice(String name, String noun, List<String> values) implements Field {
    public Choice {
      values = List.copyOf(values);
    }
  }

  /** A list of non-empty strings, such as tags. */
  record TextList(String name) implements Field {}

  /** An RFC 3339 timestamp with an offset, stored as a UTC datetime. */
  record Timestamp(String name) implements Field {}

  /** The id (or, unless {@code single}, ids) of the entities a relationship points to. */
  record Reference(String name, GraphModel.Relationship rel, boolean single) implements Field {}

  /** Whether this field holds a list (a CSV cell of it is split on '|'). */
  default boolean listValued() {
    return switch (this) {
      case Text t -> false;
      case Choice c -> false;
      case TextList l -> true;
      case Timestamp t -> false;
      case Reference r -> !r.single();
    };
  }
}
