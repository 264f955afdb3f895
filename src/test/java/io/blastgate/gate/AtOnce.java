package io.blastgate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** What the gate's concurrency tests share: work started at once on many threads, and a counting executor. */
final class AtOnce {
  private AtOnce() {}

  /** Runs {@code work(i)} on {@code threads} threads released together; a call that threw answers null. */
  static <T> List<T> run(int threads, IntFunction<T> work) throws InterruptedException {
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
      } catch (ExecutionException e) {
        results.add(null);
      }
    }
    pool.shutdown();
    return results;
  }

  /** An executor that acts on every order and counts, per request id, how often it was told to. */
  static final class Counting implements Executor {
    final Map<String, AtomicInteger> told = new ConcurrentHashMap<>();

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
      told.computeIfAbsent(order.requestId(), k -> new AtomicInteger()).incrementAndGet();
      return ExecutionResult.done("acted on " + order.targetId(), 1);
    }
  }
}
