package io.blastgate.graph;

import io.blastgate.error.BlastgateException.GraphUnavailable;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads that see the graph as one import left it, never between two states. Neo4j reads committed
 * data statement by statement, so a reader whose statements straddle an import's commit, or the parts
 * of one that commits in parts, could see a mix of before and after: a blast radius of a number that
 * was never true.
 *
 * <p>Every import bumps a count on the one {@code Publication} node in the transaction that makes it
 * visible, and one that commits in parts marks the node with its run while its parts are written (the
 * importer's {@code begin-publishing.cypher} and {@code publish.cypher}). A read here reads the mark
 * first and last, inside its own transaction: if the count moved meanwhile, it reads again; while a
 * run is marked, it waits for it (up to {@link #WAIT}, then answers that the graph is unavailable:
 * failing closed). This holds across processes sharing one Neo4j, since the mark is in the graph.
 */
final class PublishedReads {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedReads.class);

  /** How long a read waits for an import that is publishing in parts before it gives up. */
  static final Duration WAIT = Duration.ofMinutes(2);
  private static final long FIRST_PAUSE_MS = 20;
  private static final long LONGEST_PAUSE_MS = 500;

  private record Mark(long seq, String writer, String source) {
    static Mark read(Graph.Tx tx) {
      Row row = tx.run(HousekeepingQuery.READ_PUBLICATION, Map.of()).single();
      return new Mark(row.number("seq"), row.textOrNull("writer"), row.textOrNull("source"));
    }
  }

  /** One attempt: the answer, or the mark that stopped it (being published, or moved meanwhile). */
  private record Attempt<T>(T answer, Mark blocked, boolean moved) {}

  private final Graph graph;
  private final Duration wait;

  PublishedReads(Graph graph, Duration wait) {
    this.graph = graph;
    this.wait = wait;
  }

  <T> T read(String operation, Function<Graph.Tx, T> work) {
    return attempts(operation, false, tx -> {
      Mark before = Mark.read(tx);
      if (before.writer() != null) {
        return new Attempt<>(null, before, false);
      }
      T answer = work.apply(tx);
      Mark after = Mark.read(tx);
      return after.seq() == before.seq() ? new Attempt<>(answer, null, false) : new Attempt<>(null, after, true);
    });
  }

  /**
   * As {@link #read}, for one statement that reads the mark itself, first and last: its one row has
   * the columns {@code seq_before}, {@code writer}, {@code source} and {@code seq_after}. The row is
   * handed on only when it was read from one state of the graph.
   */
  <T> T readMarked(String operation, Function<Graph.Tx, Row> statement, Function<Row, T> mapper) {
    return attempts(operation, true, tx -> {
      Row row = statement.apply(tx);
      Mark before = new Mark(row.number("seq_before"), row.textOrNull("writer"), row.textOrNull("source"));
      if (before.writer() != null) {
        return new Attempt<>(null, before, false);
      }
      long after = row.number("seq_after");
      return after == before.seq()
          ? new Attempt<>(mapper.apply(row), null, false)
          : new Attempt<>(null, new Mark(after, null, null), true);
    });
  }

  /** Attempts until one reads a steady graph; {@code oneStatement}: each in an auto-commit statement. */
  private <T> T attempts(String operation, boolean oneStatement, Function<Graph.Tx, Attempt<T>> once) {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = FIRST_PAUSE_MS;
    while (true) {
      Attempt<T> attempt =
          oneStatement ? graph.readOneStatement(operation, once) : graph.readAnyState(operation, once);
      if (attempt.blocked() == null) {
        return attempt.answer();
      }
      if (System.nanoTime() > deadline) {
        throw new GraphUnavailable(attempt.moved()
            ? "imports kept committing while " + operation + " read the graph, for " + wait.toSeconds()
                + " s: ask again"
            : "an import of source '" + attempt.blocked().source() + "' is being published and the graph is"
                + " between two states; " + operation + " waited " + wait.toSeconds()
                + " s for it: ask again when it has finished", null);
      }
      if (attempt.moved()) {
        LOG.debug("{} read across an import's commit; reading again", operation);
        continue;
      }
      sleep(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphUnavailable("interrupted while waiting for an import to be published", e);
    }
  }
}
