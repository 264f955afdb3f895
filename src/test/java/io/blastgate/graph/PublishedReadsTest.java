package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.testing.TestGraph;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads wait for an import being published, read again across a commit, and fail closed. */
@ExtendWith(TestGraph.class)
class PublishedReadsTest {

  private static void mark(String cypher) {
    TestGraph.database().executeTransactionally(cypher);
  }

  @Test
  void aReadWhileAnImportIsBeingPublishedWaitsAndThenSaysTheGraphIsUnavailable(Graph graph) {
    mark("MERGE (p:Publication {name: 'graph'}) SET p.seq = 1, p.writer = 'run-x', p.source = 'hr'");
    PublishedReads reads = new PublishedReads(graph, Duration.ofMillis(300));

    assertThatThrownBy(() -> reads.read("a test read", tx -> tx.run(HousekeepingQuery.PING, Map.of()).single()))
        .isInstanceOf(GraphUnavailable.class)
        .hasMessageContaining("source 'hr' is being published", "between two states");
    // Not blocked: the importer's own reads, and housekeeping.
    int one = graph.readAnyState(HousekeepingQuery.PING, Map.of(), r -> r.single().integer("one"));
    assertThat(one).isEqualTo(1);
  }

  @Test
  void aReadThatSawAnImportCommitReadsAgain(Graph graph) {
    mark("MERGE (p:Publication {name: 'graph'}) SET p.seq = 1 REMOVE p.writer");
    PublishedReads reads = new PublishedReads(graph, Duration.ofSeconds(10));
    AtomicInteger attempts = new AtomicInteger();

    int answer = reads.read("a test read", tx -> {
      if (attempts.incrementAndGet() == 1) {
        // An import commits while this read is under way.
        mark("MATCH (p:Publication {name: 'graph'}) SET p.seq = p.seq + 1");
      }
      return tx.run(HousekeepingQuery.PING, Map.of()).single().integer("one");
    });

    assertThat(answer).isEqualTo(1);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aStatementThatReadTheMarkMoveIsReadAgainAndOnlyTheSteadyRowIsHandedOn(Graph graph) {
    PublishedReads reads = new PublishedReads(graph, Duration.ofSeconds(10));
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger mapped = new AtomicInteger();

    long seen = reads.readMarked("a test read", tx -> {
      // The first attempt saw an import commit between its first and last read of the mark.
      long before = attempts.incrementAndGet() == 1 ? 1 : 2;
      return tx.run(TestQuery.MARKED_READ, marks(before, null, 2)).single();
    }, row -> {
      mapped.incrementAndGet();
      return row.number("seq_before");
    });

    assertThat(seen).isEqualTo(2);
    assertThat(attempts).hasValue(2);
    assertThat(mapped).as("the row read across a commit is not handed on").hasValue(1);
  }

  @Test
  void aStatementThatSawAnImportBeingPublishedWaitsAndThenSaysTheGraphIsUnavailable(Graph graph) {
    PublishedReads reads = new PublishedReads(graph, Duration.ofMillis(300));
    AtomicInteger mapped = new AtomicInteger();

    assertThatThrownBy(() -> reads.readMarked("a test read",
        tx -> tx.run(TestQuery.MARKED_READ, marks(1, "run-x", 1)).single(), row -> mapped.incrementAndGet()))
        .isInstanceOf(GraphUnavailable.class)
        .hasMessageContaining("source 'hr' is being published", "between two states");
    assertThat(mapped).hasValue(0);
  }

  private static Map<String, Object> marks(long before, String writer, long after) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("before", before);
    params.put("writer", writer);
    params.put("source", writer == null ? null : "hr");
    params.put("after", after);
    return params;
  }
}
