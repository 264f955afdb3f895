package io.blastgate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An action request as the gate answers it: its id and status, the confidence level it was weighed
 * at, the decision and the blast radius's summary it was decided on (null when none could be had),
 * who approved it so far, how its execution went (null before), and why its last rollback did not end
 * (null when none failed or was interrupted: an executed request whose rollback outcome is unknown
 * says so here).
 */
public record GateAnswer(
    String id,
    ActionRequest request,
    Confidence confidence,
    String status,
    Decision decision,
    DecisionCodec.RadiusSummary radius,
    Instant decidedAt,
    List<String> approvedBy,
    String executionDetail,
    String rollbackDetail) {
  public static final String DRY_RUN = "dry_run";

  public GateAnswer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
    approvedBy = List.copyOf(approvedBy);
  }

  static GateAnswer of(StoredRequest r) {
    DecisionCodec.Kept kept = DecisionCodec.read(r.decisionJson());
    return new GateAnswer(r.id(), r.asked(), kept.confidence(), r.status(), kept.decision(), kept.radius(),
        kept.decidedAt(), r.approvedBy(), r.executionDetail(), r.rollbackDetail());
  }
}
