package io.blastgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.testing.TestGraph;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/**
 * The head's lock as advance-head.cypher takes it: transactions that each append twice (a request is
 * kept with its {@code requested} and {@code decided} entries) run at once without one deadlock. Run
 * through Neo4j's own API, where nothing retries a deadlock and hides it: with the sequence number read
 * before the head is locked, most of these transactions deadlock.
 */
@ExtendWith(TestGraph.class)
class AuditHeadLockTest {
  @Test
  void transactionsAppendingTwiceAtOnceNeverDeadlock() throws Exception {
    GraphDatabaseService db = TestGraph.database();
    int threads = 8;
    int each = 40;
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(Thread.ofPlatform().start(() -> {
        for (int n = 0; n < each; n++) {
          try (Transaction tx = db.beginTx()) {
            append(tx);
            append(tx);
            tx.commit();
          } catch (RuntimeException e) {
            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
          }
        }
      }));
    }
    for (Thread thread : running) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    List<Long> seqs = db.executeTransactionally("MATCH (e:AuditEntry) RETURN e.seq AS seq ORDER BY seq", Map.of(),
        r -> r.stream().map(row -> ((Number) row.get("seq")).longValue()).toList());
    assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * threads * each).boxed().toList());
  }

  private static void append(Transaction tx) {
    long seq;
    try (var head = tx.execute(AuditQuery.ADVANCE_HEAD.text())) {
      seq = ((Number) head.next().get("seq")).longValue();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("seq", seq);
    params.put("at", OffsetDateTime.now());
    params.put("event", "requested");
    params.put("actor", "person:t");
    params.put("request_id", "req-" + seq);
    params.put("target", "cred:k");
    params.put("details", "{}");
    params.put("prev_hash", "p");
    params.put("hash", "h" + seq);
    tx.execute(AuditQuery.CREATE_ENTRY.text(), params).close();
  }
}
