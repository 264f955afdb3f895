package io.blastgate.gate;

import io.blastgate.model.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Gate inputs for tests: a target of each shape, a radius of chosen figures, a fixed clock. */
final class Inputs {
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  static final Duration FRESH = Duration.ofHours(1);
  static final Actions LADDER = Actions.ladder();

  private Inputs() {}

  static TargetFacts human(String id) {
    return new TargetFacts(id, Label.IDENTITY, "human", "human", id, false);
  }

  static TargetFacts serviceAccount(String id) {
    return new TargetFacts(id, Label.IDENTITY, "service_account", "service_account", id, false);
  }

  static TargetFacts credentialOf(String id, String identityKind, String identityId, boolean isProtected) {
    return new TargetFacts(id, Label.CREDENTIAL, "api_token", identityKind, identityId, isProtected);
  }

  static TargetFacts workload(String id) {
    return new TargetFacts(id, Label.WORKLOAD, "service", null, null, false);
  }

  /** A complete radius of {@code impacted} workloads, owned by one team, none critical. */
  static RadiusFigures radius(int impacted) {
    return radius(impacted, 0, 0, impacted == 0 ? List.of() : List.of("team:payments"), 0);
  }

  static RadiusFigures radius(int impacted, int critical, int unowned, List<String> teams, int sharedConsumers) {
    return new RadiusFigures(true, null, impacted, critical, unowned, teams, List.of("prod"), sharedConsumers, 0);
  }

  static GateInput input(String action, TargetFacts target, Confidence confidence, RadiusFigures radius) {
    return new GateInput(LADDER.named(action), target, confidence, radius, FRESH, NOW);
  }
}
