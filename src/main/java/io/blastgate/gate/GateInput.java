package io.blastgate.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a decision depends on besides the policy: the action, its target, the detection's
 * confidence, the blast radius's figures, how old the facts behind it are (null: unknown, which is
 * as stale as can be) and the clock.
 */
public record GateInput(
    Action action, TargetFacts target, Confidence confidence, RadiusFigures radius, Duration factsAge, Instant now) {
  public GateInput {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(radius, "radius");
    Objects.requireNonNull(now, "now");
  }

  /** The same input for another action (the gate weighs a softer suggestion this way). */
  public GateInput withAction(Action other) {
    return new GateInput(other, target, confidence, radius, factsAge, now);
  }

  public boolean interrupts() {
    return action.interrupts(target.human());
  }

  /** The values of a rule's CEL variables ({@link CelCondition#VARIABLES}). */
  Map<String, Object> celValues() {
    Map<String, Object> v = new HashMap<>();
    v.put("action", action.name());
    v.put("stage", action.stage().wireName());
    v.put("interrupts", interrupts());
    v.put("reversible", action.reversible());
    v.put("target_id", target.id());
    v.put("target_label", target.label().cypherName());
    v.put("target_kind", target.kind());
    v.put("identity_kind", target.limitsKey());
    v.put("protected", target.isProtected());
    v.put("confidence", confidence.wireName());
    v.put("complete", radius.complete());
    v.put("impacted", (long) radius.impacted());
    v.put("critical", (long) radius.critical());
    v.put("unowned", (long) radius.unowned());
    v.put("teams", radius.teams());
    v.put("environments", radius.environments());
    v.put("shared_consumers", (long) radius.sharedConsumers());
    v.put("dependent_identities", (long) radius.dependentIdentities());
    v.put("facts_age_seconds", factsAge == null ? Long.MAX_VALUE : factsAge.toSeconds());
    v.put("hour_utc", (long) now.atZone(ZoneOffset.UTC).getHour());
    v.put("weekday_utc", (long) (now.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() % 7));
    return v;
  }
}
