package io.blastgate.gate;

import static io.blastgate.gate.Inputs.LADDER;
import static io.blastgate.gate.Inputs.NOW;
import static io.blastgate.gate.Inputs.credentialOf;
import static io.blastgate.gate.Inputs.human;
import static io.blastgate.gate.Inputs.input;
import static io.blastgate.gate.Inputs.radius;
import static io.blastgate.gate.Inputs.serviceAccount;
import static io.blastgate.gate.Inputs.workload;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate under the default policy: each invariant of docs/policy.md, the defaults the policy
 * promises, and what a decision carries (reasons with figures, approvers, a suggestion).
 */
class GateTest {
  private final Policy policy = new PolicyReader().defaults();
  private final Gate gate = new Gate(LADDER);

  private Decision decide(GateInput in) {
    return gate.decide(in, policy);
  }

  private static List<String> rules(Decision d) {
    return d.reasons().stream().map(Decision.Reason::rule).toList();
  }

  @Test
  void lowConfidenceNeverExecutesAnythingButEnrichment() {
    for (Action action : LADDER.all()) {
      TargetFacts target = action.fits(io.blastgate.model.Label.IDENTITY) ? human("person:a")
          : action.fits(io.blastgate.model.Label.CREDENTIAL) ? credentialOf("cred:a", "service_account", "sa:a", false)
          : workload("wl:a");
      Decision d = decide(input(action.name(), target, Confidence.LOW, radius(0)));
      if (action.stage() == Stage.ENRICH) {
        assertThat(d.outcome()).as(action.name()).isEqualTo(Outcome.EXECUTE);
      } else {
        assertThat(d.outcome()).as(action.name()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(rules(d)).contains("low-confidence");
      }
    }
  }

  @Test
  void mediumConfidenceRunsOnlySoftStepsThatInterruptNothing() {
    Decision stepUp = decide(input("step_up_auth", human("person:a"), Confidence.MEDIUM, radius(4)));
    assertThat(stepUp.outcome()).isEqualTo(Outcome.EXECUTE);
    assertThat(rules(stepUp)).containsExactly("interrupts-nothing");

    // A service account cannot answer a challenge: for it the same step interrupts.
    Decision stepUpSa = decide(input("step_up_auth", serviceAccount("sa:a"), Confidence.MEDIUM, radius(1)));
    assertThat(stepUpSa.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(rules(stepUpSa)).contains("medium-confidence-interrupts");

    Decision revoke = decide(input("revoke_credential", credentialOf("cred:a", "service_account", "sa:a", false),
        Confidence.MEDIUM, radius(0)));
    assertThat(revoke.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
  }

  @Test
  void highConfidenceExecutesAnInterruptingActionOnlyWithinLimitsOwnedNonCriticalUnprotected() {
    var cred = credentialOf("cred:a", "service_account", "sa:a", false);
    Decision within = decide(input("revoke_credential", cred, Confidence.HIGH, radius(3)));
    assertThat(within.outcome()).isEqualTo(Outcome.EXECUTE);
    assertThat(rules(within)).containsExactly("within-limits");
    assertThat(within.reasons().get(0).figures()).containsEntry("impacted", 3);

    Decision over = decide(input("revoke_credential", cred, Confidence.HIGH, radius(4)));
    assertThat(over.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(over.reasons()).anySatisfy(r -> {
      assertThat(r.rule()).isEqualTo("execute-up-to");
      assertThat(r.figures()).containsEntry("impacted", 4).containsEntry("limit", 3);
    });

    Decision critical = decide(input("revoke_credential", cred, Confidence.HIGH,
        radius(2, 1, 0, List.of("team:payments"), 1)));
    assertThat(critical.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(rules(critical)).contains("critical-impacted");
    assertThat(critical.approvalsNeeded()).isEqualTo(2);
    assertThat(critical.approvers()).containsExactly("team:payments");

    Decision unowned = decide(input("revoke_credential", cred, Confidence.HIGH, radius(1, 0, 1, List.of(), 1)));
    assertThat(unowned.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(rules(unowned)).contains("unowned-impacted");
    assertThat(unowned.approvalsNeeded()).isEqualTo(1);
    assertThat(unowned.approvers()).containsExactly(Gate.ANY_APPROVER);

    Decision guarded = decide(input("revoke_credential", credentialOf("cred:a", "service_account", "sa:root", true),
        Confidence.HIGH, radius(0)));
    assertThat(guarded.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(guarded.reasons()).anySatisfy(r -> assertThat(r.message()).contains("protected sa:root"));
  }

  @Test
  void aHumanWithNothingDownstreamIsDisabledAtOnceAtHighConfidence() {
    assertThat(decide(input("disable_identity", human("person:a"), Confidence.HIGH, radius(0))).outcome())
        .isEqualTo(Outcome.EXECUTE);
    Decision withWorkloads = decide(input("disable_identity", human("person:a"), Confidence.HIGH, radius(1)));
    assertThat(withWorkloads.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(withWorkloads.suggestion()).isEqualTo("quarantine_session");
  }

  @Test
  void anIncompleteRadiusNeverExecutes() {
    for (Action action : LADDER.all()) {
      if (!action.fits(io.blastgate.model.Label.IDENTITY)) {
        continue;
      }
      Decision d = decide(input(action.name(), human("person:a"), Confidence.HIGH,
          RadiusFigures.unavailable("the graph database does not answer")));
      assertThat(d.outcome()).as(action.name()).isNotEqualTo(Outcome.EXECUTE);
      assertThat(rules(d)).contains("blast-radius-incomplete");
    }
    var truncated = new RadiusFigures(false, "cut at 10 hops", 0, 0, 0, List.of(), List.of(), 0, 0);
    assertThat(decide(input("disable_identity", human("person:a"), Confidence.HIGH, truncated)).outcome())
        .isEqualTo(Outcome.REQUIRE_APPROVAL);
  }

  @Test
  void staleOrUnknownFactsNeverRunOnTheirOwn() {
    var in = input("disable_identity", human("person:a"), Confidence.HIGH, radius(0));
    var stale = new GateInput(in.action(), in.target(), in.confidence(), in.radius(), Duration.ofHours(25), NOW);
    Decision d = decide(stale);
    assertThat(d.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(d.reasons()).anySatisfy(r -> assertThat(r.message())
        .isEqualTo("the facts behind the blast radius are 25 hours old; the policy allows 24 hours for an action without a person"));
    var unknown = new GateInput(in.action(), in.target(), in.confidence(), in.radius(), null, NOW);
    assertThat(decide(unknown).outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
  }

  @Test
  void insideAMaintenanceWindowDetectionsBelowHighConfidenceOnlyEnrich() {
    Policy windowed = new PolicyReader().read(policy.text().replace("maintenance_windows: []", """
        maintenance_windows:
          - name: patch-night
            targets: [sa:deployer]
            start: "2026-11-25T22:00:00Z"
            end: "2026-11-26T02:00:00Z"
            every: P7D
        """));
    var deployer = serviceAccount("sa:deployer");
    var keyOfDeployer = credentialOf("cred:deploy-key", "service_account", "sa:deployer", false);
    java.time.Instant inside = java.time.Instant.parse("2026-12-02T23:30:00Z"); // a week later, inside
    java.time.Instant outside = java.time.Instant.parse("2026-12-02T21:59:00Z");
    for (var target : List.of(deployer, keyOfDeployer)) {
      String action = target == deployer ? "step_up_auth" : "rotate_credential";
      var in = input(action, target, Confidence.MEDIUM, radius(0));
      Decision d = gate.decide(new GateInput(in.action(), target, Confidence.MEDIUM, radius(0), Inputs.FRESH, inside), windowed);
      assertThat(d.outcome()).as(action).isEqualTo(Outcome.DENY);
      assertThat(d.reasons()).anySatisfy(r -> assertThat(r.message()).contains("'patch-night'"));
      Decision before = gate.decide(new GateInput(in.action(), target, Confidence.MEDIUM, radius(0), Inputs.FRESH, outside), windowed);
      assertThat(rules(before)).doesNotContain("maintenance-window");
      Decision high = gate.decide(new GateInput(in.action(), target, Confidence.HIGH, radius(0), Inputs.FRESH, inside), windowed);
      assertThat(rules(high)).doesNotContain("maintenance-window");
      Decision enrich = gate.decide(new GateInput(LADDER.named("notify_owners"), target, Confidence.LOW, radius(0),
          Inputs.FRESH, inside), windowed);
      assertThat(enrich.outcome()).isEqualTo(Outcome.EXECUTE);
    }
  }

  @Test
  void aCeilingDeniesWithoutAskingAnyone() {
    Decision d = decide(input("block_workload", workload("wl:a"), Confidence.HIGH,
        radius(501, 0, 0, List.of("team:web"), 0)));
    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.approvalsNeeded()).isZero();
    assertThat(d.reasons()).anySatisfy(r -> {
      assertThat(r.rule()).isEqualTo("deny-beyond");
      assertThat(r.figures()).containsEntry("impacted", 501).containsEntry("ceiling", 500);
    });
    assertThat(d.suggestion()).isEqualTo("notify_owners");
  }

  @Test
  void aPolicyRuleInCelMakesTheGateStricter() {
    var role = new TargetFacts("arn:aws:iam::1:role/deploy", io.blastgate.model.Label.IDENTITY, "role", "role",
        "arn:aws:iam::1:role/deploy", false);
    Decision d = decide(input("disable_identity", role, Confidence.HIGH, radius(1)));
    assertThat(d.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    assertThat(rules(d)).containsExactly("rule:production-identities-wait-for-people");
    assertThat(d.policyVersion()).isEqualTo(policy.version());
  }
}
