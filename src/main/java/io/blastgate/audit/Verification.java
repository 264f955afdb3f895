package io.blastgate.audit;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a walk of the whole chain: {@code verified} when nothing is wrong, and otherwise every
 * problem found, each with the entry it concerns ({@code seq}; null for the head as a whole or an entry
 * without a seq) and a sentence for a person.
 */
public record Verification(boolean verified, List<Problem> problems) {
  public Verification {
    problems = List.copyOf(problems);
    if (verified != problems.isEmpty()) {
      throw new IllegalArgumentException("a trail verifies exactly when no problem was found");
    }
  }

  static Verification of(List<Problem> problems) {
    return new Verification(problems.isEmpty(), problems);
  }

  /** One thing wrong with the trail. */
  public record Problem(Long seq, String message) {
    public Problem {
      Objects.requireNonNull(message, "message");
    }
  }
}
