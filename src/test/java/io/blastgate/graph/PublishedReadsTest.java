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
}
