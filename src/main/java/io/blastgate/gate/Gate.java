package io.blastgate.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision: a pure function of its input and the policy, with no clock or graph of its own.
 *
 * <p>Every check below adds a reason and raises the outcome to at least its own; nothing lowers it.
 * The invariants of docs/policy.md ("What no policy can change") are checks the policy does not
 * switch off: a policy only moves the figures of the limits, the ceilings and the ages, and adds rules
 * that make the gate stricter. So no policy the schema accepts can make them fail
 * ({@code GateInvariantsPropertyTest} tries thousands).
 */
public final class Gate {
  /** Who may approve when no team owns what would break and the policy names no responder group. */
  public static final String ANY_APPROVER = "role:approver";

  private final Actions actions;

  public Gate(Actions actions) {
    this.actions = actions;
  }

  public Decision decide(GateInput in, Policy policy) {
    Decision plain = weigh(in, policy);
    if (plain.outcome() == Outcome.EXECUTE) {
      return plain;
    }
    return new Decision(plain.outcome(), plain.reasons(), plain.approvalsNeeded(), plain.approvers(),
        suggestion(in, policy), plain.policyVersion());
  }

  private Decision weigh(GateInput in, Policy policy) {
    Reasons r = new Reasons();
    Action action = in.action();
    RadiusFigures radius = in.radius();
    boolean enrich = action.stage() == Stage.ENRICH;
    StageLimits limits = enrich ? null : policy.limits(in.target().limitsKey(), action.stage());

    if (!radius.complete()) {
      r.add("blast-radius-incomplete", policy.whenIncomplete(),
          "the blast radius cannot be had in full: " + radius.incompleteBecause(), Map.of());
    }
    Duration maxAge = limits != null && limits.maxFactsAge() != null ? limits.maxFactsAge() : policy.maxFactsAge();
    if (in.factsAge() == null || in.factsAge().compareTo(maxAge) > 0) {
      r.add("stale-facts", Outcome.REQUIRE_APPROVAL,
          (in.factsAge() == null ? "no source behind the blast radius has completed a sync"
              : "the facts behind the blast radius are " + words(in.factsAge()) + " old")
              + "; the policy allows " + words(maxAge) + " for an action without a person",
          in.factsAge() == null ? Map.of("max_facts_age", maxAge.toString())
              : Map.of("facts_age", in.factsAge().toString(), "max_facts_age", maxAge.toString()));
    }
    if (!enrich) {
      for (Bounds.Excess over : limits.denyBeyond().exceededBy(radius)) {
        r.add("deny-beyond", Outcome.DENY, over.value() + " " + over.figure().replace('_', ' ')
            + " beyond the ceiling of " + over.bound() + " for " + in.target().limitsKey() + " identities at the "
            + action.stage().wireName() + " stage", Map.of(over.figure(), over.value(), "ceiling", over.bound()));
      }
      if (in.confidence() == Confidence.LOW) {
        r.add("low-confidence", policy.lowConfidence(),
            "at low confidence only enrichment runs: a person reviews anything more", Map.of());
      }
      if (in.confidence() != Confidence.HIGH) {
        for (MaintenanceWindow w : policy.maintenanceWindows()) {
          if (w.covers(in.target(), in.now())) {
            r.add("maintenance-window", Outcome.DENY, "inside the maintenance window '" + w.name()
                + "', detections below high confidence only enrich", Map.of("window", w.name()));
          }
        }
      }
      if (in.interrupts()) {
        interrupting(in, limits, r);
      }
    }
    Map<String, Object> values = policy.rules().isEmpty() ? Map.of() : in.celValues();
    for (PolicyRule rule : policy.rules()) {
      if (rule.condition().holds(values)) {
        r.add("rule:" + rule.name(), rule.outcome(), rule.reason(), Map.of("when", rule.when()));
      }
    }
    if (r.outcome == Outcome.EXECUTE) {
      r.add(in.interrupts() ? "within-limits" : "interrupts-nothing", Outcome.EXECUTE, in.interrupts()
          ? "high confidence, and the blast radius is within the limits for " + in.target().limitsKey() + " identities"
          : "this action interrupts no workload", figures(radius));
    }
    return r.decision(in, limits, policy);
  }

  /** Invariants 2 and 3: an interrupting action runs on its own only at high confidence, within limits. */
  private static void interrupting(GateInput in, StageLimits limits, Reasons r) {
    RadiusFigures radius = in.radius();
    if (in.confidence() == Confidence.MEDIUM) {
      r.add("medium-confidence-interrupts", Outcome.REQUIRE_APPROVAL,
          "at medium confidence an action that interrupts workloads waits for a person", Map.of());
    }
    for (Bounds.Excess over : limits.executeUpTo().exceededBy(radius)) {
      r.add("execute-up-to", Outcome.REQUIRE_APPROVAL, over.value() + " " + over.figure().replace('_', ' ')
          + ", more than the " + over.bound() + " an action may reach without a person",
          Map.of(over.figure(), over.value(), "limit", over.bound()));
    }
    if (radius.critical() > 0) {
      r.add("critical-impacted", Outcome.REQUIRE_APPROVAL,
          radius.critical() + " critical workload" + (radius.critical() == 1 ? "" : "s") + " would break",
          Map.of("critical", radius.critical()));
    }
    if (radius.unowned() > 0) {
      r.add("unowned-impacted", Outcome.REQUIRE_APPROVAL, radius.unowned() + " impacted workload"
          + (radius.unowned() == 1 ? " has" : "s have") + " no owner to tell", Map.of("unowned", radius.unowned()));
    }
    if (in.target().isProtected()) {
      r.add("protected-target", Outcome.REQUIRE_APPROVAL, "the target is protected"
          + (in.target().identityId() != null && !in.target().identityId().equals(in.target().id())
              ? " (it authenticates as the protected " + in.target().identityId() + ")" : ""), Map.of());
    }
  }

  /** The first softer action that fits the target and would run; else the mildest that fits. */
  private String suggestion(GateInput in, Policy policy) {
    String mildest = null;
    for (String name : in.action().softer()) {
      Action softer = actions.named(name);
      if (!softer.fits(in.target().label())) {
        continue;
      }
      if (weigh(in.withAction(softer), policy).outcome() == Outcome.EXECUTE) {
        return name;
      }
      mildest = name;
    }
    return mildest;
  }

  private static Map<String, Object> figures(RadiusFigures radius) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("impacted", radius.impacted());
    f.put("critical", radius.critical());
    f.put("unowned", radius.unowned());
    f.put("teams", radius.teams().size());
    f.put("shared_consumers", radius.sharedConsumers());
    return f;
  }

  static String words(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0 && s >= 2 * 86_400) {
      return s / 86_400 + " days";
    }
    if (s % 3_600 == 0 && s > 0) {
      return s / 3_600 + (s == 3_600 ? " hour" : " hours");
    }
    return s >= 3_600 ? (s / 3_600) + " h " + (s % 3_600 / 60) + " min" : (s / 60) + " min " + (s % 60) + " s";
  }

  /** The reasons gathered so far and the strictest outcome among them. */
  private static final class Reasons {
    final List<Decision.Reason> list = new ArrayList<>();
    Outcome outcome = Outcome.EXECUTE;

    void add(String rule, Outcome atLeast, String message, Map<String, Object> figures) {
      list.add(new Decision.Reason(rule, atLeast, message, figures));
      outcome = outcome.atLeast(atLeast);
    }

    Decision decision(GateInput in, StageLimits limits, Policy policy) {
      int approvals = 0;
      List<String> approvers = List.of();
      if (outcome == Outcome.REQUIRE_APPROVAL) {
        Policy.Approvals a = policy.approvals();
        int plain = limits != null && limits.approvals() != null ? limits.approvals() : a.byDefault();
        int critical = Math.max(a.critical(), limits != null && limits.approvalsIfCritical() != null
            ? limits.approvalsIfCritical() : 0);
        approvals = in.radius().critical() > 0 ? Math.max(plain, critical) : plain;
        Set<String> who = new LinkedHashSet<>(in.radius().teams());
        who.addAll(a.responderGroup());
        approvers = who.isEmpty() ? List.of(ANY_APPROVER) : List.copyOf(who);
      }
      return new Decision(outcome, list, approvals, approvers, null, policy.version());
    }
  }
}
