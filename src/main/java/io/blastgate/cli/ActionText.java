package io.blastgate.cli;

import io.blastgate.wire.ActionJson;
import java.util.List;

/** An action request and its decision as a responder reads it at a terminal. */
final class ActionText {
  private ActionText() {}

  static String of(ActionJson a) {
    StringBuilder out = new StringBuilder();
    ActionJson.DecisionJson d = a.decision();
    out.append("request   ").append(a.id()).append('\n');
    out.append("action    ").append(a.action()).append(" on ").append(a.target())
        .append(" (confidence ").append(a.confidence()).append(", asked by ").append(a.requester()).append(")\n");
    out.append("status    ").append(a.status()).append('\n');
    out.append("decision  ").append(d.outcome());
    if (d.approvalsNeeded() > 0) {
      out.append(": ").append(d.approvalsNeeded()).append(d.approvalsNeeded() == 1 ? " approval" : " approvals")
          .append(" from ").append(String.join(", ", d.approvers()));
      if (!a.approvedBy().isEmpty()) {
        out.append(a.status().equals("pending_approval") ? " (approved so far by " : " (approved by ")
            .append(String.join(", ", a.approvedBy())).append(')');
      }
    }
    out.append('\n');
    if (d.blastRadius() != null) {
      var s = d.blastRadius().summary();
      out.append("radius    ").append(s.total()).append(" impacted, ").append(s.byCriticality().critical())
          .append(" critical, ").append(s.unowned()).append(" unowned, teams ")
          .append(s.teams().isEmpty() ? "none" : String.join(", ", s.teams()))
          .append(d.blastRadius().truncated() ? " (truncated)" : "").append('\n');
    }
    out.append("why\n");
    int width = d.reasons().stream().mapToInt(r -> r.rule().length()).max().orElse(0);
    for (ActionJson.ReasonJson r : d.reasons()) {
      out.append("  ").append(String.format("%-" + width + "s", r.rule())).append("  ").append(r.message()).append('\n');
    }
    if (d.suggestion() != null) {
      out.append("softer    ").append(d.suggestion()).append('\n');
    }
    if (a.executionDetail() != null) {
      out.append("done      ").append(a.executionDetail()).append('\n');
    }
    out.append("policy    ").append(d.policyVersion()).append('\n');
    return out.toString();
  }

  static String list(List<ActionJson> requests) {
    if (requests.isEmpty()) {
      return "no requests\n";
    }
    StringBuilder out = new StringBuilder();
    for (ActionJson a : requests) {
      out.append(a.id()).append("  ").append(a.status()).append("  ").append(a.action()).append(" on ")
          .append(a.target()).append("  asked by ").append(a.requester());
      if (a.decision().approvalsNeeded() > 0 && a.status().equals("pending_approval")) {
        out.append("  needs ").append(a.decision().approvalsNeeded() - a.approvedBy().size()).append(" more from ")
            .append(String.join(", ", a.decision().approvers()));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
