package io.blastgate.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import io.blastgate.model.HopBound;
import io.blastgate.wire.BlastRadiusJson.Dependent;
import io.blastgate.wire.BlastRadiusJson.Impacted;
import io.blastgate.wire.BlastRadiusJson.ViaStep;
import io.blastgate.wire.BlastRadiusJson.Shared;
import io.blastgate.wire.BlastRadiusJson;
import io.blastgate.wire.EntityJson;
import java.util.Arrays;
import java.util.List;

/**
 * A blast radius as a person at a terminal reads it: the headline first, then one row per workload.
 * It renders the wire shape, so that an answer computed here and one read from a server print alike.
 */
final class BlastRadiusTable {
  /** A via is one line, however long (a table cell wraps at 80 characters otherwise). */
  private static final int VIA_WIDTH = 10_000;

  private BlastRadiusTable() {}

  static String render(BlastRadiusJson br) {
    var s = br.summary();
    var c = s.byCriticality();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Blast radius of %s %s (%s, \"%s\")%s%n",
            br.target().label(),
            br.target().id(),
            br.target().kind(),
            br.target().name(),
            br.maxHops() < HopBound.MIN ? ", at most " + hops(br.maxHops()) : ""));
    EntityJson.Contained done = br.target().containment();
    if (done != null) {
      out.append(String.format("Already %s since %s by request %s%s%n", done.state(), done.since(), done.by(),
          done.until() == null ? "" : ", until " + done.until()));
    }
    if (br.truncated()) {
      out.append(
          String.format(
              "WARNING: truncated at %s: more workloads may be impacted than listed here%n",
              hops(br.maxHops())));
    }
    out.append(
        String.format(
            "%d workloads impacted (%d direct), deepest %s; critical %d, high %d, medium %d,"
                + " low %d, unknown %d; unowned %d%n",
            s.total(),
            s.direct(),
            s.deepestHops() == null ? "-" : s.deepestHops() + (s.deepestHops() == 1 ? " hop" : " hops"),
            c.critical(),
            c.high(),
            c.medium(),
            c.low(),
            c.unknown(),
            s.unowned()));
    out.append(String.format("Teams: %s%n", listOrNone(s.teams())));
    out.append(String.format("Environments: %s%n", listOrNone(s.environments())));
    if (!br.dependentIdentities().isEmpty()) {
      out.append(String.format("Dependent identities (they assume into the target):%n"));
      for (Dependent d : br.dependentIdentities()) {
        out.append(String.format("  %s \"%s\" (depth %d): %s%n", d.id(), d.name(), d.depth(), via(d.via())));
      }
    }
    for (Shared r : br.sharedSecrets()) {
      out.append(
          String.format(
              "%s %s \"%s\": %d consumer%s, teams %s, environments %s%n",
              r.shared() ? "Shared secret" : "Credential (not shared)",
              r.credential().id(),
              r.credential().name(),
              r.consumerCount(),
              r.consumerCount() == 1 ? "" : "s",
              listOrNone(r.teams()),
              listOrNone(r.environments())));
    }
    if (br.impacted().isEmpty()) {
      return out.append("Nothing would break.").append(System.lineSeparator()).toString();
    }
    out.append(System.lineSeparator());
    out.append(
        AsciiTable.builder()
            .border(AsciiTable.NO_BORDERS)
            .data(
                br.impacted(),
                Arrays.asList(
                    new Column().header("HOPS").dataAlign(HorizontalAlign.RIGHT).with(w -> String.valueOf(w.hops())),
                    new Column().header("WORKLOAD").dataAlign(HorizontalAlign.LEFT).with(Impacted::id),
                    new Column().header("NAME").dataAlign(HorizontalAlign.LEFT).with(Impacted::name),
                    new Column().header("KIND").dataAlign(HorizontalAlign.LEFT).with(Impacted::kind),
                    new Column().header("CRITICALITY").dataAlign(HorizontalAlign.LEFT).with(w -> orDash(w.criticality())),
                    new Column().header("ENV").dataAlign(HorizontalAlign.LEFT).with(w -> orDash(w.environment())),
                    new Column().header("TEAMS").dataAlign(HorizontalAlign.LEFT).with(w -> listOrDash(w.teams())),
                    new Column()
                        .header("OWNERS")
                        .dataAlign(HorizontalAlign.LEFT)
                        .with(w -> w.unowned() ? "UNOWNED" : listOrDash(w.owners().stream().map(EntityJson.Owner::id).toList())),
                    new Column().header("VIA").maxWidth(VIA_WIDTH).dataAlign(HorizontalAlign.LEFT).with(w -> via(w.via())))))
        .append(System.lineSeparator());
    return out.toString();
  }

  /**
   * A via in one line, with the arrows of {@code show}: {@code cred:x <-USES- wl:a <-DEPENDS_ON- wl:b}
   * (an arrow toward the target points left). Plain ASCII, whatever the terminal's encoding.
   */
  static String via(List<ViaStep> steps) {
    StringBuilder line = new StringBuilder();
    for (ViaStep step : steps) {
      if (step.relationship() != null) {
        line.append(
            "toward_target".equals(step.direction())
                ? " <-" + step.relationship() + "- "
                : " -" + step.relationship() + "-> ");
      }
      line.append(step.id());
    }
    return line.toString();
  }

  private static String hops(int n) {
    return n + (n == 1 ? " hop" : " hops");
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  private static String listOrDash(List<String> values) {
    return values.isEmpty() ? "-" : String.join(", ", values);
  }

  private static String listOrNone(List<String> values) {
    return values.isEmpty() ? "none" : String.join(", ", values);
  }
}
