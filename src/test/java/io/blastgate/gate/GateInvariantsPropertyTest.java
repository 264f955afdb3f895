package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.model.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants 1 to 6 of docs/policy.md over generated policies: thousands of documents drawn across
 * the whole space the schema accepts (every limit from 0 to large or absent, either fail-closed
 * outcome, any ages, windows and CEL rules), each read through {@link PolicyReader} as an operator's
 * would be, then weighed on generated inputs. Seeded, so a failure names the seed that reproduces it.
 *
 * <p>A hand-rolled generator rather than a property-testing library: the one first tried (jqwik)
 * asks in its own output that automated agents not use it, and this space is small enough to draw
 * directly.
 */
class GateInvariantsPropertyTest {
  private static final int POLICIES = 1_500;
  private static final int INPUTS_PER_POLICY = 40;
  private static final String[] KINDS = {"human", "service_account", "role", "application", "ai_agent"};
  private static final String[] CEL = {
    "impacted > 2", "\"prod\" in environments", "teams.size() > 1 && stage == \"hard\"",
    "identity_kind == \"ai_agent\"", "critical * 2 > unowned", "facts_age_seconds > 3600",
    "hour_utc >= 22 || hour_utc < 6", "action.startsWith(\"revoke\")", "protected || !complete",
    "impacted / (critical - critical) > 0"};

  private final ObjectMapper json = new ObjectMapper();
  private final PolicyReader reader = new PolicyReader();
  private final Gate gate = new Gate(Inputs.LADDER);

  @Test
  void noPolicyTheSchemaAcceptsBreaksTheInvariants() throws Exception {
    long checked = 0;
    for (int seed = 0; seed < POLICIES; seed++) {
      Random random = new Random(seed);
      Policy policy = reader.read(json.writeValueAsString(policyDocument(random)));
      for (int i = 0; i < INPUTS_PER_POLICY; i++) {
        GateInput in = input(random);
        Decision d = gate.decide(in, policy);
        String why = "seed " + seed + ", input " + i + ": " + in + " -> " + d;
        boolean acts = in.action().stage() != Stage.ENRICH;
        if (d.outcome() == Outcome.EXECUTE) {
          // 1. Low confidence only enriches.
          assertThat(in.confidence() == Confidence.LOW && acts).as(why).isFalse();
          // 2. Medium confidence never interrupts on its own.
          assertThat(in.confidence() == Confidence.MEDIUM && in.interrupts()).as(why).isFalse();
          // 3. An interrupting action on its own: no critical, no unowned, not protected, within limits.
          if (in.interrupts()) {
            RadiusFigures r = in.radius();
            assertThat(r.critical() == 0 && r.unowned() == 0 && !in.target().isProtected()).as(why).isTrue();
            StageLimits limits = policy.limits(in.target().limitsKey(), in.action().stage());
            assertThat(limits.executeUpTo().exceededBy(r)).as(why).isEmpty();
          }
          // 4. Only on a complete radius; 5. only on fresh facts.
          assertThat(in.radius().complete()).as(why).isTrue();
          assertThat(in.factsAge()).as(why).isNotNull();
          StageLimits limits = acts ? policy.limits(in.target().limitsKey(), in.action().stage()) : null;
          Duration max = limits != null && limits.maxFactsAge() != null ? limits.maxFactsAge() : policy.maxFactsAge();
          assertThat(in.factsAge()).as(why).isLessThanOrEqualTo(max);
          // 6. Inside a maintenance window, below high confidence, only enrichment.
          boolean windowed = policy.maintenanceWindows().stream().anyMatch(w -> w.covers(in.target(), in.now()));
          assertThat(windowed && acts && in.confidence() != Confidence.HIGH).as(why).isFalse();
        } else {
          assertThat(d.approvers().isEmpty()).as(why).isEqualTo(d.outcome() == Outcome.DENY);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo((long) POLICIES * INPUTS_PER_POLICY);
  }

  private static Map<String, Object> policyDocument(Random random) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("version", "generated-" + random.nextInt(1000));
    double medium = 0.01 + random.nextDouble() * 0.8;
    p.put("confidence", Map.of("medium_from", medium, "high_from", medium + (1 - medium) * (0.01 + 0.98 * random.nextDouble())));
    maybe(random, p, "low_confidence", random.nextBoolean() ? "deny" : "require_approval");
    maybe(random, p, "when_incomplete", random.nextBoolean() ? "deny" : "require_approval");
    maybe(random, p, "max_facts_age", "PT" + (1 + random.nextInt(100)) + "H");
    p.put("approvals", Map.of("default", 1 + random.nextInt(3), "critical", 1 + random.nextInt(4)));
    List<Object> windows = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Instant start = Inputs.NOW.minus(Duration.ofHours(random.nextInt(48)));
      Map<String, Object> w = new LinkedHashMap<>(Map.of("name", "w" + i,
          "targets", List.of(random.nextBoolean() ? "*" : "id:t" + random.nextInt(4)),
          "start", start.toString(), "end", start.plus(Duration.ofHours(1 + random.nextInt(24))).toString()));
      maybe(random, w, "every", "P" + (1 + random.nextInt(7)) + "D");
      windows.add(w);
    }
    p.put("maintenance_windows", windows);
    Map<String, Object> kinds = new LinkedHashMap<>();
    kinds.put("default", Map.of("soft", stage(random), "hard", stage(random)));
    for (String kind : KINDS) {
      if (random.nextBoolean()) {
        Map<String, Object> stages = new LinkedHashMap<>();
        maybe(random, stages, "soft", stage(random));
        maybe(random, stages, "hard", stage(random));
        kinds.put(kind, stages);
      }
    }
    p.put("identity_kinds", kinds);
    List<Object> rules = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      rules.add(Map.of("name", "r" + i, "when", CEL[random.nextInt(CEL.length)],
          "outcome", random.nextBoolean() ? "deny" : "require_approval", "reason", "generated"));
    }
    p.put("rules", rules);
    return p;
  }

  private static Map<String, Object> stage(Random random) {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> up = new LinkedHashMap<>();
    for (String f : List.of("impacted", "teams", "shared_consumers")) {
      maybe(random, up, f, random.nextInt(random.nextBoolean() ? 5 : 1_000_000));
    }
    s.put("execute_up_to", up);
    Map<String, Object> deny = new LinkedHashMap<>();
    for (String f : List.of("impacted", "critical", "unowned", "teams", "shared_consumers")) {
      maybe(random, deny, f, random.nextInt(random.nextBoolean() ? 50 : 1_000_000));
    }
    s.put("deny_beyond", deny);
    maybe(random, s, "approvals", 1 + random.nextInt(3));
    maybe(random, s, "approvals_if_critical", 1 + random.nextInt(3));
    maybe(random, s, "max_facts_age", "P" + (1 + random.nextInt(30)) + "D");
    return s;
  }

  private static void maybe(Random random, Map<String, Object> into, String key, Object value) {
    if (random.nextBoolean()) {
      into.put(key, value);
    }
  }

  private static GateInput input(Random random) {
    List<Action> all = Inputs.LADDER.all();
    Action action = all.get(random.nextInt(all.size()));
    Label label = action.appliesTo().stream().sorted().toList().get(random.nextInt(action.appliesTo().size()));
    String kind = KINDS[random.nextInt(KINDS.length)];
    String id = "id:t" + random.nextInt(4);
    TargetFacts target = switch (label) {
      case IDENTITY -> new TargetFacts(id, label, kind, kind, id, random.nextInt(5) == 0);
      case CREDENTIAL -> new TargetFacts("cred:" + random.nextInt(3), label, "secret",
          random.nextBoolean() ? kind : null, random.nextBoolean() ? id : null, random.nextInt(5) == 0);
      default -> new TargetFacts("wl:" + random.nextInt(3), label, "service", null, null, false);
    };
    int impacted = random.nextBoolean() ? random.nextInt(4) : random.nextInt(2_000);
    RadiusFigures radius = random.nextInt(8) == 0 ? RadiusFigures.unavailable("generated")
        : new RadiusFigures(random.nextInt(8) != 0, "generated", impacted, random.nextInt(3) == 0 ? random.nextInt(impacted + 1) : 0,
            random.nextInt(3) == 0 ? random.nextInt(impacted + 1) : 0,
            List.of("team:a", "team:b", "team:c").subList(0, random.nextInt(4)), List.of("prod"), random.nextInt(6), 0);
    Duration age = random.nextInt(10) == 0 ? null : Duration.ofMinutes(random.nextInt(60 * 24 * 40));
    Confidence confidence = Confidence.values()[random.nextInt(3)];
    Instant now = Inputs.NOW.plus(Duration.ofHours(random.nextInt(24 * 14)));
    return new GateInput(action, target, confidence, radius, age, now);
  }
}
