package io.blastgate.gate;

import io.blastgate.graph.Graph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * This blastgate process, as the other processes on one Neo4j see it: a {@code GateProcess} node
 * with an id made at start-up and the moment it was last seen. Each claim for execution or rollback
 * names the process that makes it, in the claim's transaction, and a heartbeat renews the moment every
 * {@link #BEAT_EVERY}. A request found {@code executing} is taken as interrupted only when its process
 * has not been seen for {@link #GONE_AFTER}: another live process's action is never marked failed
 * while it runs.
 */
public final class GateProcess {
  /** How often a serving process says it is alive. */
  public static final Duration BEAT_EVERY = Duration.ofSeconds(15);
  /** How long a process may go unseen before what it claimed is reconciled as interrupted. */
  public static final Duration GONE_AFTER = Duration.ofMinutes(2);
  /** How long a stopped process is remembered once nothing names it. */
  static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final String id = UUID.randomUUID().toString();
  private final Graph graph;
  private final Clock clock;

  GateProcess(Graph graph, Clock clock) {
    this.graph = graph;
    this.clock = clock;
  }

  public String id() {
    return id;
  }

  /** Says this process is alive, in its own transaction (the heartbeat). */
  public void beat() {
    graph.writeTx("say a blastgate process is alive", tx -> {
      seen(tx);
      return null;
    });
  }

  /** Says this process is alive, in the caller's transaction (a claim). */
  void seen(Graph.Tx tx) {
    tx.run(GateQuery.PROCESS_SEEN, Map.of("id", id, "now", clock.instant().toString())).consume();
  }

  /** Before this moment, a process not seen since is gone. */
  Instant goneBefore() {
    return clock.instant().minus(GONE_AFTER);
  }

  /** Forgets processes stopped long ago that no claim names; answers how many. */
  long forgetStopped() {
    return graph.writeTx("forget stopped blastgate processes", tx -> tx.run(GateQuery.FORGET_PROCESSES,
        Map.of("before", clock.instant().minus(FORGET_AFTER).toString())).single().number("forgotten"));
  }
}
