package io.blastgate.wire;

import io.blastgate.gate.Decision;
import io.blastgate.gate.GateAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An action request with its decision, in the words on the wire of docs/policy.md (and the
 * specification's gate.md): {@code id}, {@code target}, {@code action}, {@code confidence}, {@code
 * requester}, {@code status}, {@code decision}.
 */
public record ActionJson(
    String id,
    String target,
    String action,
    String confidence,
    String confidenceGiven,
    String reason,
    String requester,
    String idempotencyKey,
    String status,
    List<String> approvedBy,
    String executionDetail,
    String rollbackDetail,
    DecisionJson decision) {

  /** A page of requests. */
  public record Page(List<ActionJson> requests) {
    public static Page of(List<GateAnswer> answers) {
      return new Page(answers.stream().map(ActionJson::of).toList());
    }
  }

  public static ActionJson of(GateAnswer a) {
    return new ActionJson(a.id(), a.request().target(), a.request().action(), a.confidence().wireName(),
        a.request().confidence(), a.request().reason(), a.request().requester(), a.request().idempotencyKey(),
        a.status(), a.approvedBy(), a.executionDetail(), a.rollbackDetail(), DecisionJson.of(a));
  }

  /** The decision with the blast radius it was decided on (its summary; null when none could be had). */
  public record DecisionJson(
      String outcome,
      List<ReasonJson> reasons,
      int approvalsNeeded,
      List<String> approvers,
      String suggestion,
      String policyVersion,
      Instant decidedAt,
      RadiusJson blastRadius) {
    static DecisionJson of(GateAnswer a) {
      Decision d = a.decision();
      return new DecisionJson(d.outcome().wireName(), d.reasons().stream().map(ReasonJson::of).toList(),
          d.approvalsNeeded(), d.approvers(), d.suggestion(), d.policyVersion(), a.decidedAt(),
          a.radius() == null ? null : new RadiusJson(a.radius().truncated(), a.radius().maxHops(),
              BlastRadiusJson.Summary.of(a.radius().summary())));
    }
  }

  public record ReasonJson(String rule, String outcome, String message, Map<String, Object> figures) {
    static ReasonJson of(Decision.Reason r) {
      return new ReasonJson(r.rule(), r.outcome().wireName(), r.message(), r.figures());
    }
  }

  public record RadiusJson(boolean truncated, int maxHops, BlastRadiusJson.Summary summary) {}
}
