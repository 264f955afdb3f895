package io.blastgate.gate;

import io.blastgate.graph.Graph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a request that was claimed for execution (status {@code executing}, written with its {@code
 * execution_started} entry before anything runs): the outward executors that handle it, then, only if
 * they all succeeded, the new state on the target in the graph, the status and the {@code executed}
 * entry in one transaction; a failure is {@code failed} with {@code execution_failed}, never done.
 * Rollback is the same path backwards for a reversible action.
 */
final class Execution {
  /** How long a {@code suspend} lasts before it restores itself. */
  static final Duration SUSPEND_FOR = Duration.ofHours(24);

  private final Graph graph;
  private final Actions actions;
  private final List<Executor> executors;
  private final GateAudit audit;
  private final GateProcess process;
  private final Clock clock;

  Execution(Graph graph, Actions actions, List<Executor> executors, GateAudit audit, GateProcess process,
      Clock clock) {
    this.graph = graph;
    this.actions = actions;
    this.executors = List.copyOf(executors);
    this.audit = audit;
    this.process = process;
    this.clock = clock;
  }

  /** Carries out a request the caller has claimed (it is {@code executing}); answers it as it ends. */
  StoredRequest run(StoredRequest claimed, String targetLabel, String targetKind) {
    Action action = actions.named(claimed.action());
    Instant now = clock.instant();
    Instant until = "suspend".equals(action.name()) ? now.plus(SUSPEND_FOR).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : null;
    ExecutionOrder order = new ExecutionOrder(claimed.id(), claimed.executionKey(), action.name(), claimed.target(),
        targetLabel, targetKind, false, until, claimed.requester(), claimed.reason());
    List<String> done = new ArrayList<>();
    List<String> memos = new ArrayList<>();
    for (Executor executor : executors) {
      if (!executor.handles(order)) {
        continue;
      }
      ExecutionResult result;
      try {
        result = executor.execute(order);
      } catch (RuntimeException e) {
        result = ExecutionResult.failed(executor.name() + " could not be run", 1);
      }
      if (!result.succeeded()) {
        return finish(claimed, "failed", "execution_failed",
            executor.name() + ": " + result.detail() + (done.isEmpty() ? "" : " (done before it: " + done + ")"),
            null, null, memos);
      }
      done.add(executor.name() + ": " + result.detail());
      if (result.memo() != null) {
        memos.add(executor.name() + "=" + result.memo());
      }
    }
    String detail = (action.records() == null ? "nothing to record on the target"
        : "the graph records " + claimed.target() + " as " + action.records()
            + (until == null ? "" : " until " + until)) + (done.isEmpty() ? "" : "; " + String.join("; ", done));
    return finish(claimed, "executed", "executed", detail, action.records(), until, memos);
  }

  /** Ends a run; the executors' memos are kept even when it failed, for whoever must undo it by hand. */
  private StoredRequest finish(StoredRequest claimed, String status, String event, String detail, String records,
      Instant until, List<String> memos) {
    Instant now = clock.instant();
    return graph.writeTx("finish an action", tx -> {
      if (records != null) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", claimed.target());
        p.put("containment", records);
        p.put("request", claimed.id());
        p.put("now", now.toString());
        p.put("until", until == null ? null : until.toString());
        tx.run(GateQuery.APPLY_CONTAINMENT, p).consume();
      }
      Map<String, Object> set = Map.of("execution_detail", detail, "finished_at", now.toString(),
          "execution_memos", memos);
      Optional<StoredRequest> after = RequestStore.move(tx, claimed.id(), "executing", status, set, now);
      if (after.isEmpty()) {
        // Only this process finishes what it claimed: if the request is no longer executing, another
        // process took this one for gone (unseen too long) and marked it failed, outcome unknown. The
        // outcome is known now; it replaces the guess, and the audit says so.
        after = RequestStore.move(tx, claimed.id(), "failed", status, set, now);
        audit.record(tx, event, "blastgate", claimed.id(), claimed.target(), Map.of("detail", detail,
            "late", "finished after it had been reconciled as interrupted"));
        return after.orElseThrow();
      }
      audit.record(tx, event, "blastgate", claimed.id(), claimed.target(), Map.of("detail", detail));
      return after.get();
    });
  }

  /**
   * Undoes an executed, reversible request: the outward executors that handle it are asked to undo it
   * first (a refusal leaves it executed, with why), then its state is lifted from the target in the
   * graph. Empty when another caller rolled it back meanwhile.
   */
  Optional<StoredRequest> rollBack(StoredRequest executed, String by, String targetLabel, String targetKind) {
    Instant claimedAt = clock.instant();
    boolean claimed = graph.writeTx("claim a rollback", tx -> {
      process.seen(tx);
      return tx.run(GateQuery.CLAIM_ROLLBACK,
          Map.of("id", executed.id(), "by", by, "now", claimedAt.toString(), "process", process.id())).list().size() == 1;
    });
    if (!claimed) {
      return Optional.empty();
    }
    // Its own key: a receiver that dedupes by key must not take the undo for the action again.
    ExecutionOrder undo = new ExecutionOrder(executed.id(), executed.executionKey() + "#undo", executed.action(),
        executed.target(), targetLabel, targetKind, true, null, executed.requester(), executed.reason());
    for (Executor executor : executors) {
      if (executor.handles(undo)) {
        ExecutionResult result;
        try {
          result = executor.execute(undo.withMemo(executed.memoOf(executor.name())));
        } catch (RuntimeException e) {
          result = ExecutionResult.failed(executor.name() + " could not be run", 1);
        }
        if (!result.succeeded()) {
          String why = "the rollback failed at " + executor.name() + ": " + result.detail();
          Instant failedAt = clock.instant();
          graph.writeTx("release a failed rollback", tx -> {
            tx.run(GateQuery.RELEASE_ROLLBACK, Map.of("id", executed.id(), "detail", why, "now", failedAt.toString()))
                .consume();
            audit.record(tx, "execution_failed", by, executed.id(), executed.target(),
                Map.of("undo", true, "detail", why));
            return null;
          });
          throw new io.blastgate.error.BlastgateException.Conflict(why + "; the request stays executed");
        }
      }
    }
    Instant now = clock.instant();
    return graph.writeTx("roll an action back", tx -> {
      Map<String, Object> set = new HashMap<>();
      set.put("rolled_back_by", by);
      set.put("rolled_back_at", now.toString());
      set.put("rollback_detail", null); // an earlier attempt's failure or interruption no longer holds
      set.put("rollback_interrupted_at", null);
      Optional<StoredRequest> moved = RequestStore.move(tx, executed.id(), "executed", "rolled_back", set, now);
      if (moved.isPresent()) {
        tx.run(GateQuery.LIFT_CONTAINMENT, Map.of("id", executed.target(), "request", executed.id())).consume();
        audit.record(tx, "rolled_back", by, executed.id(), executed.target(), Map.of("action", executed.action()));
      }
      return moved;
    });
  }
}
