package io.blastgate.bench;

import io.blastgate.model.HopBound;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a benchmark runs.
 *
 * @param nodes the size of the synthetic organisation (entities of all labels)
 * @param seed the generator's seed: the same seed gives the same graph and the same targets
 * @param typicalSamples blast radii measured for typical targets, each a different target
 * @param mostSharedSamples blast radii measured for the most-shared targets, cycling through them
 * @param mostSharedTargets how many most-shared credentials to cycle through
 * @param warmup blast radii computed before measuring (other typical targets), not measured
 * @param dataDir where the bundle and a fresh embedded Neo4j go, each run in a new folder under it
 * @param pageCacheBytes the Neo4j page cache; 0 sizes it for the run ({@link #pageCacheFor})
 * @param batchSize rows per write statement of the import
 * @param commitEvery rows per part of an import; 0 is the program's default: one transaction when the
 *     change has at most {@link io.blastgate.importer.ImportSettings#ATOMIC_ROW_LIMIT} rows, else parts
 *     of {@link io.blastgate.importer.ImportSettings#PART_ROWS}. Either way the import is all or nothing;
 *     N forces parts of N rows whatever the size, even for a re-import that writes nothing
 * @param writers import transactions written at once (the importer's {@code writers})
 * @param maxHops the blast radius's traversal bound (the program's default, {@link HopBound#DEFAULT})
 * @param queryTimeout the graph's transaction timeout for the blast radii
 * @param output where the JSON report goes
 * @param keepData keep the run's folder (bundle and database) instead of deleting it at the end
 * @param initialLoad import through the bulk first load ({@code import --initial}: Neo4j's offline
 *     importer into the run's fresh database, before the program opens it) instead of transactions;
 *     {@code batchSize}, {@code commitEvery} and {@code writers} then do not apply
 * @param writePath the write-path phases (re-imports, edits, concurrent readers)
 */
public record BenchOptions(
    int nodes,
    long seed,
    int typicalSamples,
    int mostSharedSamples,
    int mostSharedTargets,
    int warmup,
    Path dataDir,
    long pageCacheBytes,
    int batchSize,
    int commitEvery,
    int writers,
    int maxHops,
    Duration queryTimeout,
    Path output,
    boolean keepData,
    boolean initialLoad,
    WritePathOptions writePath) {

  public BenchOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(writePath, "writePath");
    new OrgSpec(seed, nodes, 0, 0);
    if (typicalSamples < 1 || mostSharedSamples < 0 || mostSharedTargets < 0 || warmup < 0) {
      throw new IllegalArgumentException(
          "samples: at least one typical, and no negative counts; was "
              + typicalSamples + "/" + mostSharedSamples + "/" + mostSharedTargets + "/" + warmup);
    }
    if (mostSharedSamples > 0 && mostSharedTargets == 0) {
      throw new IllegalArgumentException("most-shared samples need at least one most-shared target");
    }
    if (pageCacheBytes < 0 || batchSize < 1 || commitEvery < 0 || writers < 1 || maxHops < 10) {
      throw new IllegalArgumentException(
          "pageCacheBytes >= 0, batchSize >= 1, commitEvery >= 0, writers >= 1 and maxHops >= 10");
    }
  }

  /**
   * A million nodes, seed 42, 2000 typical and 300 most-shared samples over the 30 most-shared
   * credentials (at a million nodes each reaches 1,200 to 21,000 workloads) after 300 warm-up runs;
   * data under {@code target/bench}; batches of 5,000 rows, the program's default transactions (one
   * when the change fits, else parts of 5,000 rows, two written at once: the best of the settings tried,
   * docs/benchmark.md); the default hop bound; report to {@code bench-report.json}; the write-path
   * phases with a 1 % edit, a 10 % edit under readers, and four readers.
   */
  public static BenchOptions defaults() {
    return new BenchOptions(
        1_000_000, 42, 2_000, 300, 30, 300, Path.of("target/bench"), 0, 5_000, 0, 2, HopBound.DEFAULT,
        Duration.ofMinutes(2), Path.of("bench-report.json"), false, false,
        WritePathOptions.defaults());
  }

  public BenchOptions withNodes(int n) {
    return new BenchOptions(n, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withSeed(long s) {
    return new BenchOptions(nodes, s, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withSamples(int typical, int mostShared, int warm) {
    return new BenchOptions(nodes, seed, typical, mostShared, mostSharedTargets, warm,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withDataDir(Path dir) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withPageCacheBytes(long bytes) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, bytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withImport(int batch, int commit) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batch, commit, writers, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withWriters(int n) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, n, maxHops, queryTimeout, output, keepData, initialLoad, writePath);
  }

  public BenchOptions withOutput(Path file) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, file, keepData, initialLoad, writePath);
  }

  public BenchOptions withKeepData(boolean keep) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keep, initialLoad, writePath);
  }

  public BenchOptions withInitialLoad(boolean bulk) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, bulk,
        writePath);
  }

  public BenchOptions withWritePath(WritePathOptions w) {
    return new BenchOptions(nodes, seed, typicalSamples, mostSharedSamples, mostSharedTargets, warmup,
        dataDir, pageCacheBytes, batchSize, commitEvery, writers, maxHops, queryTimeout, output, keepData, initialLoad, w);
  }

  /** The organisation to generate: warm-up targets come first in the typical list, then measured ones. */
  OrgSpec orgSpec() {
    return new OrgSpec(seed, nodes, warmup + typicalSamples, mostSharedTargets);
  }

  /**
   * The page cache the run gets: {@code pageCacheBytes}, or room for the whole store (2.2 KB per
   * node measured at 100,000 nodes, with headroom) so that latency measures the queries, not the
   * disk.
   */
  long pageCacheFor() {
    if (pageCacheBytes > 0) {
      return pageCacheBytes;
    }
    return Math.max(256L << 20, Math.min(16L << 30, nodes * 2_560L));
  }
}
