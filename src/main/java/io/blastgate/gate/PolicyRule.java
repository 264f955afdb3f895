package io.blastgate.gate;

import java.util.Objects;

/**
 * A rule of the policy: when its CEL condition holds over a decision's inputs, the decision is at
 * least {@code outcome} (a rule can only make the gate stricter), for {@code reason}.
 */
public record PolicyRule(String name, String when, Outcome outcome, String reason, CelCondition condition) {
  public PolicyRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(condition, "condition");
    if (outcome == Outcome.EXECUTE) {
      throw new IllegalArgumentException("a rule only makes the gate stricter");
    }
  }
}
