package io.blastgate.gate;

import io.blastgate.error.BlastgateException;
import io.blastgate.graph.Graph;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request that has every approval it needs, run once: its blast radius is computed again (grown
 * beyond what was approved, it waits again, with the reason), then it is claimed for execution and
 * run. The claim can find the target as the request would leave it (another request did it): the
 * request then ends {@code failed}, not run, saying why. It can find another request carrying out the
 * same action on the target at that moment: the request keeps its approvals and waits, saying why,
 * and the housekeeping runs it when that one has ended. Either way the approval that led here stands,
 * and is answered with the request as it is.
 */
final class ApprovedRuns {
  private final Graph graph;
  private final GateService gate;
  private final Execution execution;
  private final GateAudit audit;
  private final GateProcess process;
  private final Clock clock;

  ApprovedRuns(Graph graph, GateService gate, Execution execution, GateAudit audit, GateProcess process, Clock clock) {
    this.graph = graph;
    this.gate = gate;
    this.execution = execution;
    this.audit = audit;
    this.process = process;
    this.clock = clock;
  }

  /** Runs {@code approved} (pending, with its approvals) as the class says; answers it as it ends. */
  StoredRequest run(StoredRequest approved) {
    GateService.Weighed again = gate.weigh(approved.asked());
    DecisionCodec.Kept before = DecisionCodec.read(approved.decisionJson());
    String grew = Growth.beyond(before.radius(), again);
    Instant now = clock.instant();
    if (grew != null) {
      return graph.writeTx("wait again for approval", tx -> {
        StoredRequest back = RequestStore.move(tx, approved.id(), "pending_approval", "pending_approval",
            Map.of("approved_by", List.of(), "decision", DecisionCodec.write(new DecisionCodec.Kept(again.decision(),
                again.confidence(), now, DecisionCodec.RadiusSummary.of(again.radius()))),
                "approvals_needed", Math.max(1, again.decision().approvalsNeeded()),
                "approvers", again.decision().approvers()), now).orElse(approved);
        audit.record(tx, "decided", "blastgate", approved.id(), approved.target(),
            Map.of("outcome", "require_approval", "because", grew));
        return back;
      });
    }
    Optional<StoredRequest> claimed;
    try {
      claimed = graph.writeTx("claim an approved action", tx -> {
        process.seen(tx);
        Optional<StoredRequest> c = RequestStore.move(tx, approved.id(), "pending_approval", "executing",
            Map.of("executor", process.id()), now);
        c.ifPresent(x -> TargetClaim.claim(tx, gate.actions().named(x.action()), x.target(), x.id()));
        c.ifPresent(x -> audit.record(tx, "execution_started", "blastgate", x.id(), x.target(),
            Map.of("approved_by", x.approvedBy())));
        return c;
      });
    } catch (BlastgateException.AlreadyContained e) {
      return notRun(approved, "failed", "not run: " + e.getMessage());
    } catch (BlastgateException.Conflict e) {
      return notRun(approved, "pending_approval", "approved, waiting: " + e.getMessage());
    }
    if (claimed.isEmpty()) {
      return find(approved.id()); // Another approval claimed it: it runs there, once.
    }
    return execution.run(claimed.get(), again.target().label().cypherName(), again.target().kind());
  }

  /** The claim was refused: the request ends failed (audited), or waits with its approvals, saying why. */
  private StoredRequest notRun(StoredRequest approved, String status, String why) {
    Instant now = clock.instant();
    return graph.writeTx("record why an approved action did not run", tx -> {
      Optional<StoredRequest> moved = RequestStore.move(tx, approved.id(), "pending_approval", status,
          Map.of("execution_detail", why), now);
      if (moved.isPresent() && status.equals("failed")) {
        audit.record(tx, "execution_failed", "blastgate", approved.id(), approved.target(), Map.of("detail", why));
      }
      return moved;
    }).orElseGet(() -> find(approved.id()));
  }

  private StoredRequest find(String id) {
    return new RequestStore(graph).find(id).orElseThrow(() -> new BlastgateException.UnknownRequest(id));
  }
}
