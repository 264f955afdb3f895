package io.blastgate.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an import runs. Whatever the settings, an import is all-or-nothing, for readers too: a change
 * small enough is written in one transaction; a larger one is written in parts under a journal and
 * published whole ({@link ImportJournal}).
 *
 * @param batchSize rows per {@code UNWIND} statement (the client holds about one batch per label)
 * @param maxReportedErrors errors listed in a report at most; all of them are still counted
 * @param txTimeout how long one write transaction may take (the whole change, when it is one)
 * @param maxZipBytes the most bytes a .zip may unpack to (against zip bombs)
 * @param commitEvery 0: one transaction when the change has at most {@code atomicRowLimit} rows, and
 *     parts of {@link #PART_ROWS} otherwise; N: parts of about N rows whatever the size
 * @param atomicRowLimit the most rows written in one transaction; a larger change is written in parts
 * @param writers how many parts are written at once (1: one after another); nodes still all commit
 *     before the first relationship is written
 * @param incremental whether a re-import writes only what the source states otherwise than its last
 *     run did ({@link ChangePlan}); false rewrites every entity of the input (the graph ends the same)
 * @param journalDir where a run that commits in parts keeps a copy of its input until it is published,
 *     so that start-up can finish it after a crash; it must outlive the process (the data folder)
 */
public record ImportSettings(
    int batchSize,
    int maxReportedErrors,
    Duration txTimeout,
    long maxZipBytes,
    int commitEvery,
    long atomicRowLimit,
    int writers,
    boolean incremental,
    Path journalDir) {

  /**
   * The default most rows (entities, relationships and retractions) of a change written in one
   * transaction. Neo4j holds a transaction's changes in memory, and a bundle of 175,000 rows already
   * failed on its transaction memory limit over HTTP with the default heap; beyond this the change is
   * written in parts of {@link #PART_ROWS} under a journal and published whole.
   */
  public static final long ATOMIC_ROW_LIMIT = 50_000;

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
    Objects.requireNonNull(journalDir, "journalDir");
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
      throw new IllegalArgumentException("commitEvery must be 0 (one transaction if it fits) or positive");
    }
    if (atomicRowLimit < 1) {
      throw new IllegalArgumentException("atomicRowLimit must be positive");
    }
    if (writers < 1) {
      throw new IllegalArgumentException("writers must be at least 1, was " + writers);
    }
  }

  /** One transaction when the change fits. */
  public ImportSettings(int batchSize, int maxReportedErrors, Duration txTimeout, long maxZipBytes) {
    this(batchSize, maxReportedErrors, txTimeout, maxZipBytes, 0);
  }

  /** As given, with the default {@link #ATOMIC_ROW_LIMIT}, incremental, journal in the temp folder. */
  public ImportSettings(
      int batchSize, int maxReportedErrors, Duration txTimeout, long maxZipBytes, int commitEvery) {
    this(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, ATOMIC_ROW_LIMIT, WRITERS, true,
        defaultJournalDir());
  }

  /**
   * Batches of 5000, 1000 errors listed, 30 minutes per transaction, 512 MiB unpacked (the default
   * upload limit; the program sets the configured one), one transaction when it fits, incremental;
   * the journal in a folder of the temp folder (the program sets its data folder's instead: {@code
   * services.Services}).
   */
  public static ImportSettings defaults() {
    return new ImportSettings(5000, 1000, Duration.ofMinutes(30), 512L << 20, 0);
  }

  private static Path defaultJournalDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "blastgate-journal");
  }

  public ImportSettings withBatchSize(int n) {
    return new ImportSettings(n, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, atomicRowLimit, writers,
        incremental, journalDir);
  }

  public ImportSettings withCommitEvery(int n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, n, atomicRowLimit, writers,
        incremental, journalDir);
  }

  public ImportSettings withMaxZipBytes(long n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, n, commitEvery, atomicRowLimit, writers,
        incremental, journalDir);
  }

  public ImportSettings withMaxReportedErrors(int n) {
    return new ImportSettings(batchSize, n, txTimeout, maxZipBytes, commitEvery, atomicRowLimit, writers,
        incremental, journalDir);
  }

  public ImportSettings withAtomicRowLimit(long n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, n, writers,
        incremental, journalDir);
  }

  public ImportSettings withWriters(int n) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, atomicRowLimit, n,
        incremental, journalDir);
  }

  public ImportSettings withIncremental(boolean yes) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, atomicRowLimit,
        writers, yes, journalDir);
  }

  public ImportSettings withJournalDir(Path dir) {
    return new ImportSettings(batchSize, maxReportedErrors, txTimeout, maxZipBytes, commitEvery, atomicRowLimit,
        writers, incremental, dir);
  }

  /** Whether a change of {@code rows} rows is written in one transaction (else in parts, journaled). */
  public boolean oneTransaction(long rows) {
    return commitEvery == 0 && rows <= atomicRowLimit;
  }

  /** Rows per part when the change is written in parts. */
  public int partRows() {
    return commitEvery == 0 ? PART_ROWS : commitEvery;
  }
}
