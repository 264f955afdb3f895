package io.blastgate.gate;

import io.blastgate.graph.Graph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a process that is gone left unfinished: a request it claimed for execution, or a rollback it
 * claimed, whose outcome outside is unknown. Run at start-up and by every server's housekeeping, in
 * every process at once (each statement takes the requests' write locks). A process is gone when it
 * has not been seen for {@link GateProcess#GONE_AFTER}; a live one's work is left alone.
 */
final class Reconciliation {
  private final Graph graph;
  private final GateAudit audit;
  private final GateProcess process;
  private final Clock clock;

  Reconciliation(Graph graph, GateAudit audit, GateProcess process, Clock clock) {
    this.graph = graph;
    this.audit = audit;
    this.process = process;
    this.clock = clock;
  }

  /**
   * Requests whose process is gone ({@link GateProcess}) left executing become failed, never run again
   * blindly; {@code everyone}: every process seen before now is gone (the start of the only process
   * that can open the graph).
   */
  List<String> executions(boolean everyone) {
    Instant now = clock.instant();
    String staleBefore = (everyone ? now : process.goneBefore()).toString();
    String detail = "interrupted while executing (the program stopped); whether the action ran outside is"
        + " unknown: check the target, then ask again";
    return graph.writeTx("reconcile interrupted executions", tx -> {
      List<String> ids = tx.run(GateQuery.INTERRUPTED_EXECUTIONS,
              Map.of("now", now.toString(), "detail", detail, "stale_before", staleBefore))
          .list(r -> r.text("id") + " " + r.text("target"));
      for (String line : ids) {
        String[] idAndTarget = line.split(" ", 2);
        audit.record(tx, "execution_failed", "blastgate", idAndTarget[0], idAndTarget[1], Map.of("detail", detail));
      }
      return ids;
    });
  }

  /**
   * Rollbacks whose process is gone ({@link GateProcess}) left claimed. Whether the undo ran outside
   * is unknown, so none is run again here: the claim is released, the request stays {@code executed} with why ({@code
   * rollback_detail}), audited as {@code execution_failed} of the undo, and only a rollback asked for
   * again retries it, with the same undo key so that a receiver deduplicating by key acts once.
   */
  List<String> rollbacks(boolean everyone) {
    Instant now = clock.instant();
    String staleBefore = (everyone ? now : process.goneBefore()).toString();
    String detail = " (the program stopped); whether the undo ran outside is unknown: check the target, then"
        + " roll back again";
    return graph.writeTx("reconcile interrupted rollbacks", tx -> {
      List<String> lines = new ArrayList<>();
      for (var r : tx.run(GateQuery.INTERRUPTED_ROLLBACKS,
          Map.of("now", now.toString(), "detail", detail, "stale_before", staleBefore)).list()) {
        String why = "the rollback " + r.text("by") + " asked for at " + r.text("started_at") + " was interrupted"
            + detail;
        audit.record(tx, "execution_failed", "blastgate", r.text("id"), r.text("target"),
            Map.of("undo", true, "detail", why));
        lines.add(r.text("id") + " " + r.text("target"));
      }
      return lines;
    });
  }
}
