package io.blastgate.importer;

import java.time.Duration;
import java.util.Objects;

/**
 * How an import runs.
 *
 * @param batchSize rows per {@code UNWIND} statement (the client holds about one batch per label)
 * @param maxReportedErrors errors listed in a report at most; all of them are still counted
 * @param txTimeout how long one write transaction may take; in atomic mode that is the whole import
 * @param maxZipBytes the most bytes a .zip may unpack to (against zip bombs)
 * @param commitEvery 0: the whole import is one transaction (atomic, the default); N: commit after
 *     about every N rows written, for loads too big for one transaction. Not atomic (a reader may see
 *     part of it, and a failure leaves the batches already committed), but still validated whole
 *     first and still cleaning up only after every batch succeeded.
 * @param atomicRowLimit the most rows an atomic import writes in one transaction; a larger one commits
 *     in parts of {@link #PART_ROWS} by itself and says so in its report
 * @param writers how many parts are written at once when an import commits in parts (1: one after
 *     another); nodes still all commit before the first relationship is written
 */
public record ImportSettings(
    int batchSize,
    int maxReportedErrors,
    Duration txTimeout,
    long maxZipBytes,
    int commitEvery,
    long atomicRowLimit,
    int writers) {

  /**
   * The default most rows (entities and relationships) an import writes in one transaction when it
   * was asked to be atomic. Neo4j holds a transaction's changes in memory; beyond this, an atomic
   * import would fail on Neo4j's transaction memory limit (measured at a million entities in a 2 GiB
   * heap), so it commits in parts of {@link #PART_ROWS} instead and says so in its report.
   */
  public static final long ATOMIC_ROW_LIMIT = 500_000;

  /**
   * Rows per transaction when an import too large for one commits in parts by itself: the best of the
   * benchmark's sweep (docs/benchmark.md); parts of 20,000 rows were slower (heavier garbage
   * collection of each transaction's state), parts of 100,000 about half as fast.
   */
  public static final int PART_ROWS = 5_000;

  /**
   * Parts written at once by default: while Neo4j executes one, it commits the other and the client
   * sends the next (docs/benchmark.md, "Import: what was tried").
   */
  public static final int WRITERS = 2;

  public ImportSettings {
    Objects.requireNonNull(txTimeout, "txTimeout");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    if (maxReportedErrors < 1) {
      throw new IllegalArgumentException("maxReportedErrors must be at least 1");
    }
    if (txTimeout.isNegative() || txTimeout.isZero()) {
      throw new IllegalArgumentException("txTimeout must be positive");
    }
    if (maxZipBytes < 1) {
      throw new IllegalArgumentException("maxZipBytes must be positive");
    }
    if (commitEvery < 0) {
      throw new IllegalArgumentException("commitEvery must be 0 (one transaction) or positive");
    }
    if (atomicRowLimit < 1) {
      throw new IllegalArgumentException("atomicRowLimit must be positive");
    }
    if (writers < 1) {
      throw new IllegalArgumentException("writers must be at least 1, was " + writers);
    }
  }

  /** Atomic: the whole import in one transaction. */
  public ImportSettings(int batchSize, int maxReportedErrors, Duration txTimeout, long maxZipBytes) {
    this(batchSize, maxReportedErrors, txTimeout, maxZipBytes, 0);
  }

  /** As given, with the default {@link #ATOMIC_ROW_LIMIT}. */
  public ImportSettings(
      int batchSize, int maxReportedErrors, Duration txTimeout, long maxZipBytes, int commitEvery) {
    this(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, ATOMIC_ROW_LIMIT, WRITERS);
  }

  /**
   * Batches of 5000, 1000 errors listed, 30 minutes per transaction, 512 MiB unpacked (the default
   * upload limit; the program sets the configured one), atomic (parts, if any, written {@link
   * #WRITERS} at once).
   */
  public static ImportSettings defaults() {
    return new ImportSettings(5000, 1000, Duration.ofMinutes(30), 512L << 20, 0);
  }

  public ImportSettings withBatchSize(int n) {
    return new ImportSettings(n, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, atomicRowLimit, writers);
  }

  public ImportSettings withCommitEvery(int n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, n, atomicRowLimit, writers);
  }

  public ImportSettings withMaxZipBytes(long n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, n, commitEvery, atomicRowLimit, writers);
  }

  public ImportSettings withMaxReportedErrors(int n) {
    return new ImportSettings(batchSize, n, txTimeout, maxZipBytes, commitEvery, atomicRowLimit, writers);
  }

  public ImportSettings withAtomicRowLimit(long n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, n, writers);
  }

  public ImportSettings withWriters(int n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, atomicRowLimit, n);
  }

  public boolean atomic() {
    return commitEvery == 0;
  }
}
