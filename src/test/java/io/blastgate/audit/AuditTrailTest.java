package io.blastgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Appends, concurrency, the caller's transaction, and the verdict on an untouched trail. */
@ExtendWith(TestGraph.class)
class AuditTrailTest {
  static final AuditKey KEY = AuditKey.random();

  static AuditRecord record(AuditEvent event, String actor, String requestId, String target) {
    return new AuditRecord(event, actor, requestId, target, Map.of("note", "n", "figures", Map.of("b", 2, "a", 1)));
  }

  @Test
  void aTrailWithNoEntriesVerifies(Graph graph) {
    assertThat(new AuditTrail(graph, KEY, Clock.systemUTC()).verify()).isEqualTo(new Verification(true, List.of()));
  }

  @Test
  void entriesChainFromTheGenesisAndVerify(Graph graph) {
    AuditTrail trail = new AuditTrail(graph, KEY, Clock.systemUTC());
    AuditEntry first = trail.append(record(AuditEvent.REQUESTED, "person:ana", "req-1", "cred:stripe-key"));
    AuditEntry second = trail.append(record(AuditEvent.DECIDED, "system", "req-1", "cred:stripe-key"));
    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.prevHash()).isEqualTo(AuditTrail.GENESIS);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
    assertThat(first.details()).isEqualTo("{\"figures\":{\"a\":1,\"b\":2},\"note\":\"n\"}");
    assertThat(trail.list(AuditFilter.all(10)).entries()).containsExactly(first, second);
    assertThat(trail.verify().verified()).isTrue();
  }

  /** 8 threads on each of 2 trails (two processes' worth) over one graph: one contiguous chain. */
  @Test
  void concurrentAppendsFromTwoTrailsGiveOneContiguousVerifyingChain(Graph graph) throws Exception {
    List<AuditTrail> trails = List.of(
        new AuditTrail(graph, KEY, Clock.systemUTC()), new AuditTrail(graph, () -> KEY, Clock.systemUTC()));
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads * trails.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (AuditTrail trail : trails) {
        for (int t = 0; t < threads; t++) {
          String actor = "person:t" + trails.indexOf(trail) + "-" + t;
          done.add(pool.submit(() -> {
            for (int i = 0; i < each; i++) {
              trail.append(record(AuditEvent.APPROVED, actor, "req-" + i, null));
            }
          }));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int total = threads * trails.size() * each;
    List<Long> seqs = new ArrayList<>();
    trails.get(0).each(e -> seqs.add(e.seq()));
    assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(trails.get(1).verify()).isEqualTo(new Verification(true, List.of()));
  }

  /** A change of state and its entry commit together or not at all. */
  @Test
  void anEntryAppendedInACallersTransactionThatFailsIsNotWritten(Graph graph) {
    AuditTrail trail = new AuditTrail(graph, KEY, Clock.systemUTC());
    trail.append(record(AuditEvent.REQUESTED, "person:ana", "req-1", null));
    assertThatThrownBy(() -> graph.writeTx("a failing change", tx -> {
      trail.append(tx, record(AuditEvent.EXECUTED, "system", "req-1", null));
      throw new IllegalStateException("the change failed");
    })).hasMessage("the change failed");
    AuditEntry next = trail.append(record(AuditEvent.EXECUTION_FAILED, "system", "req-1", null));
    assertThat(next.seq()).isEqualTo(2);
    assertThat(trail.list(AuditFilter.all(10)).entries()).extracting(AuditEntry::event)
        .containsExactly("requested", "execution_failed");
    assertThat(trail.verify().verified()).isTrue();
  }

  @Test
  void aWrongKeyFailsEveryEntry(Graph graph) {
    AuditTrail trail = new AuditTrail(graph, KEY, Clock.systemUTC());
    for (int i = 0; i < 3; i++) {
      trail.append(record(AuditEvent.DETECTION, "system", null, "id:x"));
    }
    Verification v = new AuditTrail(graph, AuditKey.random(), Clock.systemUTC()).verify();
    assertThat(v.verified()).isFalse();
    assertThat(v.problems()).extracting(Verification.Problem::message).containsExactly(
        "entry 1 was changed: its hash does not match its contents",
        "entry 2 was changed: its hash does not match its contents",
        "entry 3 was changed: its hash does not match its contents");
  }

  @Test
  void theEventsHaveTheirWireNames() {
    assertThat(java.util.Arrays.stream(AuditEvent.values()).map(AuditEvent::wireName)).containsExactly(
        "requested", "decided", "approved", "rejected", "expired", "execution_started", "executed",
        "execution_failed", "rolled_back", "policy_changed", "detection");
  }

  @Test
  void theKeyNeverPrints() {
    assertThat(KEY.toString()).isEqualTo("***");
    assertThatThrownBy(() -> AuditKey.of(new byte[16])).hasMessageContaining("at least 32");
  }
}
