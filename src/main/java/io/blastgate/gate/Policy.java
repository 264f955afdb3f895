package io.blastgate.gate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's policy in force, as {@link PolicyReader} binds a document that {@code
 * policy/policy.schema.json} accepts (docs/policy.md explains each field). {@code text} is the
 * document as it was given, kept so that {@code GET /api/v1/policy} answers it unchanged.
 */
public record Policy(
    String version,
    String description,
    ConfidenceBands confidence,
    Outcome lowConfidence,
    Outcome whenIncomplete,
    Duration maxFactsAge,
    Approvals approvals,
    List<MaintenanceWindow> maintenanceWindows,
    Map<String, Map<Stage, StageLimits>> identityKinds,
    List<PolicyRule> rules,
    String text) {
  public Policy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(lowConfidence, "lowConfidence");
    Objects.requireNonNull(whenIncomplete, "whenIncomplete");
    Objects.requireNonNull(maxFactsAge, "maxFactsAge");
    Objects.requireNonNull(approvals, "approvals");
    maintenanceWindows = List.copyOf(maintenanceWindows);
    identityKinds = Map.copyOf(identityKinds);
    rules = List.copyOf(rules);
    if (!identityKinds.containsKey(TargetFacts.DEFAULT_KIND)) {
      throw new IllegalArgumentException("a policy has limits for the default identity kind");
    }
    if (lowConfidence == Outcome.EXECUTE || whenIncomplete == Outcome.EXECUTE) {
      throw new IllegalArgumentException("low confidence and an incomplete radius never execute");
    }
  }

  /** Scores from {@code mediumFrom} on are medium, from {@code highFrom} on high. */
  public record ConfidenceBands(double mediumFrom, double highFrom) {}

  /**
   * How many distinct people approve ({@code critical} when a critical workload would break), how
   * long a request waits, and who may approve besides the owning teams of what would break.
   */
  public record Approvals(int byDefault, int critical, Duration expireAfter, List<String> responderGroup) {
    public Approvals {
      responderGroup = List.copyOf(responderGroup);
    }
  }

  /** The limits for a target of {@code kindKey} at {@code stage}: its own, else the default kind's. */
  public StageLimits limits(String kindKey, Stage stage) {
    Map<Stage, StageLimits> own = identityKinds.get(kindKey);
    if (own != null && own.containsKey(stage)) {
      return own.get(stage);
    }
    return identityKinds.get(TargetFacts.DEFAULT_KIND).get(stage);
  }
}
