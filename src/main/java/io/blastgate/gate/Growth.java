package io.blastgate.gate;

import io.blastgate.blastradius.BlastRadius;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a blast radius grew beyond the one a request was approved on (invariant 8): more impacted,
 * critical or unowned workloads, more teams reached, or a radius that can no longer be had in full.
 */
final class Growth {
  private Growth() {}

  /** Why {@code now} is beyond {@code approved}, or null when it is not. */
  static String beyond(DecisionCodec.RadiusSummary approved, GateService.Weighed now) {
    if (now.radius() == null || now.radius().truncated()) {
      return "the blast radius can no longer be had in full";
    }
    if (approved == null) {
      return null;
    }
    BlastRadius.Summary a = approved.summary();
    BlastRadius.Summary n = now.radius().summary();
    List<String> grew = new ArrayList<>();
    more(grew, "impacted workloads", a.total(), n.total());
    more(grew, "critical workloads", a.byCriticality().critical(), n.byCriticality().critical());
    more(grew, "unowned workloads", a.unowned(), n.unowned());
    more(grew, "teams", a.teams().size(), n.teams().size());
    return grew.isEmpty() ? null : "the blast radius grew since it was approved: " + String.join(", ", grew);
  }

  private static void more(List<String> grew, String what, int before, int after) {
    if (after > before) {
      grew.add(what + " " + before + " → " + after);
    }
  }
}
