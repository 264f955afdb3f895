package io.blastgate.gate;

import java.util.Objects;

/**
 * A request for an action through the gate, as a client sends it: the target's id, the action's
 * name, the detection's confidence (a level, or a score in [0, 1] the policy maps to one), why, who
 * asks (the principal of the token), an optional idempotency key, and whether it is a dry run.
 */
public record ActionRequest(
    String target, String action, String confidence, String reason, String requester, String idempotencyKey,
    boolean dryRun) {
  public ActionRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(requester, "requester");
  }
}
