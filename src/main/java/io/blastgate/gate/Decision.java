package io.blastgate.gate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's answer: the outcome, every reason that led there (a rule's name, a sentence, and the
 * figures it weighed), how many distinct people must approve and who may (team ids and the policy's
 * responder group), a softer action when it does not execute, and the policy version it used.
 */
public record Decision(
    Outcome outcome,
    List<Reason> reasons,
    int approvalsNeeded,
    List<String> approvers,
    String suggestion,
    String policyVersion) {
  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    reasons = List.copyOf(reasons);
    approvers = List.copyOf(approvers);
    Objects.requireNonNull(policyVersion, "policyVersion");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a decision says why");
    }
  }

  /** One rule that weighed in: what it is called, what it found, and its figures. */
  public record Reason(String rule, Outcome outcome, String message, Map<String, Object> figures) {
    public Reason {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(message, "message");
      figures = Map.copyOf(figures);
    }
  }
}
