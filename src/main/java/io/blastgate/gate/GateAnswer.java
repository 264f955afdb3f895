package io.blastgate.gate;

import io.blastgate.blastradius.BlastRadius;
import java.time.Instant;
import java.util.Objects;

/**
 * What the gate answers a request: the request's id and status, the confidence level it was weighed
 * at, the decision, and the blast radius it was decided on (null when none could be had).
 */
public record GateAnswer(
    String id,
    ActionRequest request,
    Confidence confidence,
    String status,
    Decision decision,
    BlastRadius blastRadius,
    Instant decidedAt) {
  public static final String DRY_RUN = "dry_run";

  public GateAnswer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }
}
