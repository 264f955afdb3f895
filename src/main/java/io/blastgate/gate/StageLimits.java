package io.blastgate.gate;

import java.time.Duration;
import java.util.Objects;

/**
 * What one identity kind may have done at one stage without a person ({@code executeUpTo}), beyond
 * what it is refused ({@code denyBeyond}), the approvals it needs otherwise, and how old the facts may
 * be for it to run on its own (null: the policy's {@code max_facts_age}).
 */
public record StageLimits(
    Bounds executeUpTo, Bounds denyBeyond, Integer approvals, Integer approvalsIfCritical, Duration maxFactsAge) {
  public StageLimits {
    Objects.requireNonNull(executeUpTo, "executeUpTo");
    Objects.requireNonNull(denyBeyond, "denyBeyond");
  }
}
