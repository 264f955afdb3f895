package io.blastgate.importer;

import io.blastgate.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parts mode: holds full batches until about {@link ImportSettings#partRows()} rows, then hands them, as one
 * transaction, to one of {@code writers} threads. A phase's parts all commit before the next phase
 * starts ({@link #drain}), so relationships find their ends. The first failure stops the rest.
 */
final class PartCommitter implements AutoCloseable {
  /** Runs one batch inside a part's transaction (and checks what it wrote). */
  @FunctionalInterface
  interface BatchRunner {
    WriteTally run(Graph.Tx tx, ImporterQuery query, List<Map<String, Object>> rows);
  }

  /** The last statement of each part's transaction, given what the part wrote (the journal's tally). */
  @FunctionalInterface
  interface PartEnd {
    void close(Graph.Tx tx, WriteTally part);
  }

  private record Batch(ImporterQuery query, List<Map<String, Object>> rows) {}

  private final Graph graph;
  private final ImportSettings settings;
  private final String source;
  private final BatchRunner runner;
  private final PartEnd end;
  private final List<Batch> held = new ArrayList<>();
  private long rows;
  private final int writers;
  private final ExecutorService pool;
  /** One per part being written: at most {@code writers} parts are held beyond the one filling. */
  private final Semaphore slots;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  PartCommitter(Graph graph, ImportSettings settings, String source, BatchRunner runner, PartEnd end) {
    this.graph = graph;
    this.settings = settings;
    this.source = source;
    this.runner = runner;
    this.end = end;
    this.writers = settings.writers();
    this.pool = Executors.newFixedThreadPool(writers, Thread.ofPlatform().name("import-writer-", 0).daemon().factory());
    this.slots = new Semaphore(writers);
  }

  void add(ImporterQuery query, List<Map<String, Object>> batch) {
    held.add(new Batch(query, batch));
    rows += batch.size();
    if (rows >= settings.partRows()) {
      commit();
    }
  }

  private void commit() {
    if (held.isEmpty()) {
      return;
    }
    List<Batch> group = List.copyOf(held);
    held.clear();
    rows = 0;
    // A part that MERGEs relationships is written alone: at once, two would deadlock.
    int permits = group.stream().anyMatch(b -> b.query().mergesRelationships()) ? writers : 1;
    slots.acquireUninterruptibly(permits);
    if (failure.get() != null) {
      slots.release(permits);
      rethrow();
    }
    pool.execute(() -> {
      try {
        graph.writeTx("import " + source + " (part)", settings.txTimeout(), tx -> {
          WriteTally part = WriteTally.NONE;
          for (Batch b : group) {
            part = part.plus(runner.run(tx, b.query(), b.rows()));
          }
          end.close(tx, part);
          return null;
        });
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      } finally {
        slots.release(permits);
      }
    });
  }

  /** Commits what is held and waits for every part; the first failure is thrown here. */
  void drain() {
    commit();
    awaitParts();
    rethrow();
  }

  private void awaitParts() {
    slots.acquireUninterruptibly(writers);
    slots.release(writers);
  }

  private void rethrow() {
    switch (failure.get()) {
      case null -> {}
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case Throwable t -> throw new IllegalStateException(t);
    }
  }

  /** Waits for the parts still being written, even after a failure: none outlives the import. */
  @Override
  public void close() {
    awaitParts();
    pool.shutdown();
  }
}
