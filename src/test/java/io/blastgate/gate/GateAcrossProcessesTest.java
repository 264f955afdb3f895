package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.graph.Graph;
import io.blastgate.graph.GraphConnection;
import io.blastgate.testing.ExternalNeo4jServer;
import io.blastgate.testing.Seed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 9 across two blastgate processes on one Neo4j server (a real server process, as in
 * production with an external Neo4j): each gate has its own driver and connection pool, as two
 * processes would, and its own executor. Many approvals and retries arriving at once through both
 * still run each action exactly once.
 */
class GateAcrossProcessesTest {
  private static ExternalNeo4jServer server;
  private static GraphConnection first;
  private static GraphConnection second;
  private final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    server = ExternalNeo4jServer.launch();
    first = GraphConnection.open(server.settings(server.boltUri(), Duration.ofSeconds(60)));
    second = GraphConnection.open(server.settings(server.neo4jUri(), Duration.ofSeconds(60)));
    Graph graph = first.graph();
    Seed.ENTITIES.writeTo(graph);
    Seed.GATE_PEOPLE.writeTo(graph);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {first, second, server}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing what is left
      }
    }
  }

  private GateService gateOver(GraphConnection connection) {
    Executor counting = new Executor() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public boolean handles(ExecutionOrder order) {
        return true;
      }

      @Override
      public ExecutionResult execute(ExecutionOrder order) {
        executed.computeIfAbsent(order.requestId() + (order.undo() ? " undo" : ""), k -> new AtomicInteger()).incrementAndGet();
        return ExecutionResult.done("acted", 1);
      }
    };
    Graph graph = connection.graph();
    return new GateService(graph, new BlastRadiusService(graph, 10), List.of(counting), GateAudit.NONE, Clock.systemUTC());
  }

  private static <T> List<T> atOnce(int threads, java.util.function.IntFunction<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        start.await();
        return work.apply(n);
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        results.add(null);
      }
    }
    pool.shutdown();
    return results;
  }

  @Test
  void manyApprovalsThroughTwoProcessesRunTheActionOnce() throws Exception {
    GateService one = gateOver(first);
    GateService two = gateOver(second);
    String id = one.requests().submit(new ActionRequest("cred:stripe-key", "revoke_credential", "high", "paste",
        "person:responder", null, false)).id();
    List<String> people = List.of("person:ana", "person:bo", "person:cy", "person:di");
    atOnce(12, i -> (i % 2 == 0 ? one : two).requests().approve(id, people.get(i % people.size()), null));
    assertThat(executed.get(id)).hasValue(1);
    assertThat(two.requests().get(id).status()).isEqualTo("executed");
  }

  @Test
  void retriesWithOneKeyThroughTwoProcessesMakeOneRequestRunOnce() throws Exception {
    GateService one = gateOver(first);
    GateService two = gateOver(second);
    List<GateAnswer> answers = atOnce(12, i -> (i % 2 == 0 ? one : two).requests().submit(new ActionRequest(
        "sa:bot", "suspend", "high", "odd calls", "person:responder", "incident-9", false)));
    assertThat(answers).doesNotContainNull();
    assertThat(answers.stream().map(GateAnswer::id).distinct()).hasSize(1);
    assertThat(executed.get(answers.get(0).id())).hasValue(1);
  }
}
