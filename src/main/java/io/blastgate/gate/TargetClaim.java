package io.blastgate.gate;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.error.BlastgateException;
import io.blastgate.graph.Graph;
import io.blastgate.graph.Row;
import io.blastgate.model.Containment;
import java.util.List;
import java.util.Map;

/**
 * The last check before a request runs, inside the transaction that claims it: with the target's write
 * lock held to its end, two requests of one action on one target (different requesters, different
 * keys, at the same moment) are claimed one after the other, and the second finds the first executing
 * or its state in effect, and does not run. The check made when a request arrives reads the graph
 * without a lock, so it cannot settle such a race alone.
 */
final class TargetClaim {
  private TargetClaim() {}

  /** Throws, rolling the claim back, when running {@code action} now would act twice on the target. */
  static void claim(Graph.Tx tx, Action action, String target, String requestId) {
    if (action.repeatable()) {
      return;
    }
    List<Row> rows = tx.run(GateQuery.CLAIM_TARGET, Map.of("target", target, "action", action.name(), "id", requestId))
        .list();
    if (rows.isEmpty()) {
      return; // the target is gone: the execution says so, as it always did
    }
    Row row = rows.get(0);
    refuseIfInEffect(action, target, row.isNull("containment") ? null : BlastRadiusService.containment(row));
    List<String> executing = row.textsOrEmpty("executing");
    if (!executing.isEmpty()) {
      throw new BlastgateException.Conflict("request " + executing.get(0) + " is carrying out " + action.name()
          + " on " + target + " now: an action runs once on one target; ask again when it has ended", null);
    }
  }

  /**
   * The state {@code action} records is already {@code done} on the target (put there by an executed
   * request that was not rolled back): running it again would act twice on one thing, so nothing is
   * kept or run. Checked as a request arrives and again, under the lock, when it is claimed.
   */
  static void refuseIfInEffect(Action action, String target, Containment done) {
    if (!action.repeatable() && action.records() != null && done != null && action.records().equals(done.state())) {
      throw new BlastgateException.AlreadyContained(target, done.state(), done.by(), done.since(), done.until());
    }
  }
}
