package io.blastgate.bench;

import io.blastgate.app.Blastgate;
import io.blastgate.bench.BenchReport.Generation;
import io.blastgate.bench.BenchReport.Heap;
import io.blastgate.bench.BenchReport.ImportFigures;
import io.blastgate.bench.BenchReport.Latency;
import io.blastgate.bench.BenchReport.Machine;
import io.blastgate.bench.BenchReport.Parameters;
import io.blastgate.bench.BenchReport.PhaseHeap;
import io.blastgate.bench.BenchReport.StoreSize;
import io.blastgate.config.AppConfig;
import io.blastgate.services.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark of the issue, as a command: generate a synthetic organisation (timed, not counted in
 * the import), import it into a fresh embedded Neo4j through the program's importer (timed:
 * entities, relationships and rows per second), then time blast radii for typical and most-shared
 * targets, each followed by a trivial query's round trip, then the write path (re-imports unchanged
 * and edited, and blast radii asked during imports: {@link WritePathRun}), and watch the heap
 * throughout. Prints a report and writes the same as JSON.
 */
public final class Benchmark {
  private Benchmark() {}

  /** A full run on a fresh embedded Neo4j in a new folder under {@code opts.dataDir()}. */
  public static BenchReport run(BenchOptions opts, PrintStream out) {
    Path runDir = newRunDir(opts);
    try (HeapWatch heap = HeapWatch.start("generate")) {
      Run run = new Run(opts, out, heap);
      GeneratedOrg org = run.generate(runDir);
      Path store = runDir.resolve("neo4j");
      long pageCache = opts.pageCacheFor();
      AppConfig config = config(opts, store, pageCache);
      // A bulk first load builds the store before the program opens it; an import writes into it.
      ImportFigures loaded = null;
      if (opts.initialLoad()) {
        heap.phase("import");
        loaded = InitialStep.run(opts, config, org.bundle(), runDir, out, () -> storeSize(store));
      }
      heap.phase("start");
      out.printf(Locale.ROOT, "start: embedded Neo4j in %s, page cache %s%n", store, Report.bytes(pageCache));
      try (Blastgate program = Blastgate.open(config)) {
        return run.measure(org, program.services(), () -> storeSize(store), pageCache, loaded);
      }
    } finally {
      cleanUp(runDir, opts, out);
    }
  }

  /**
   * A run on services over a graph someone else opened, such as a test's Neo4j: it must hold no
   * other entities. The store's size and page cache are then not this run's to report.
   */
  public static BenchReport run(BenchOptions opts, Services services, PrintStream out) {
    if (opts.initialLoad()) {
      throw new IllegalArgumentException("a bulk first load needs a fresh embedded database of the run's own");
    }
    Path runDir = newRunDir(opts);
    try (HeapWatch heap = HeapWatch.start("generate")) {
      Run run = new Run(opts, out, heap);
      return run.measure(run.generate(runDir), services, () -> null, null, null);
    } finally {
      cleanUp(runDir, opts, out);
    }
  }

  /**
   * The program's configuration for a run, through the same keys a user sets: an embedded Neo4j under
   * {@code store} with the run's page cache, transaction timeout and traversal bound. The caller's own
   * environment is not read: a run measures what its options say.
   */
  public static AppConfig config(BenchOptions opts, Path store, long pageCache) {
    return AppConfig.fromEnvironment(
        Map.of(
            "BLASTGATE_DATA_DIR", store.toString(),
            "BLASTGATE_NEO4J_PAGECACHE", Long.toString(pageCache),
            "BLASTGATE_QUERY_TIMEOUT", opts.queryTimeout().toMillis() + "ms",
            "BLASTGATE_MAX_HOPS", Integer.toString(opts.maxHops())));
  }

  /** One run's steps, sharing the options, the output and the heap watch. */
  private static final class Run {
    private final BenchOptions opts;
    private final PrintStream out;
    private final HeapWatch heap;
    private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private Generation generation;

    Run(BenchOptions opts, PrintStream out, HeapWatch heap) {
      this.opts = opts;
      this.out = out;
      this.heap = heap;
    }

    GeneratedOrg generate(Path runDir) {
      out.printf(Locale.ROOT, "generate: %,d nodes, seed %d%n", opts.nodes(), opts.seed());
      long started = System.nanoTime();
      GeneratedOrg org = SyntheticOrg.write(opts.orgSpec(), runDir.resolve("org.json"));
      long millis = (System.nanoTime() - started) / 1_000_000;
      generation =
          new Generation(
              millis, org.bytes(), org.entityCount(), org.relationshipCount(),
              names(org.entities()), names(org.relationships()));
      out.printf(
          Locale.ROOT, "generate: %,d entities, %,d relationships, %s in %.1f s%n",
          org.entityCount(), org.relationshipCount(), Report.bytes(org.bytes()), millis / 1000.0);
      return org;
    }

    /** Imports the organisation, unless {@code loaded} says it was loaded in bulk, then measures. */
    BenchReport measure(
        GeneratedOrg org, Services services, Supplier<StoreSize> store, Long pageCache, ImportFigures loaded) {
      ImportFigures imported = loaded;
      if (imported == null) {
        heap.phase("import");
        imported = ImportStep.run(services, org.bundle(), opts, out, store);
      }
      out.printf(
          Locale.ROOT, "import: %,.0f rows/s in %.1f s%n",
          imported.rowsPerSecond(), imported.millis() / 1000.0);
      heap.phase("latency");
      Latency latency = new LatencyRun(services, out).measure(opts, org);
      WritePathReport writePath = writePath(org, services, imported);
      Map<String, PhaseHeap> phases = heap.finish();
      Heap heapFigures =
          new Heap(
              HeapWatch.maxHeapBytes(),
              phases.values().stream().mapToLong(PhaseHeap::peakUsedBytes).max().orElse(0),
              phases.values().stream().mapToLong(PhaseHeap::peakAfterGcBytes).max().orElse(0),
              phases);
      BenchReport report =
          new BenchReport(
              startedAt,
              machine(pageCache),
              parameters(opts),
              generation,
              imported,
              latency,
              heapFigures,
              writePath,
              Targets.check(opts.nodes(), opts.initialLoad(), imported, latency, heapFigures, writePath));
      Report.print(report, out);
      report.writeJson(opts.output());
      out.printf("%nreport written to %s%n", opts.output().toAbsolutePath());
      return report;
    }

    /** The write-path phases, when the options ask for them; null otherwise. */
    private WritePathReport writePath(GeneratedOrg org, Services services, ImportFigures imported) {
      if (!opts.writePath().enabled()) {
        return null;
      }
      try {
        return new WritePathRun(services, opts, out, heap, org, imported, org.bundle().getParent()).measure();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the write-path phases failed", e);
      }
    }
  }

  private static Parameters parameters(BenchOptions o) {
    return new Parameters(
        o.nodes(), o.seed(), o.typicalSamples(), o.mostSharedSamples(), o.mostSharedTargets(),
        o.warmup(), o.batchSize(), o.commitEvery(), o.writers(), o.maxHops(), o.initialLoad());
  }

  private static Machine machine(Long pageCache) {
    long physical =
        ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize()
            : -1;
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        physical,
        HeapWatch.maxHeapBytes(),
        HeapWatch.maxHeapFlag(),
        pageCache);
  }

  /** The CPU's model name where Linux tells it; "unknown" elsewhere. */
  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
  }

  /** A new folder for this run under the data folder: a run never reuses another's database. */
  private static Path newRunDir(BenchOptions opts) {
    try {
      Files.createDirectories(opts.dataDir());
      return Files.createTempDirectory(opts.dataDir(), "run-" + opts.nodes() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder under " + opts.dataDir(), e);
    }
  }

  /** Deletes the folder this run created, and nothing else. */
  private static void cleanUp(Path runDir, BenchOptions opts, PrintStream out) {
    if (opts.keepData()) {
      out.println("kept the bundle and the database in " + runDir);
      return;
    }
    try (Stream<Path> walk = Files.walk(runDir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      out.println("could not delete " + runDir + ": " + e.getMessage());
    }
  }

  /** The default database's store and transaction logs under an embedded Neo4j's home. */
  static StoreSize storeSize(Path home) {
    Path data = home.resolve("data");
    return new StoreSize(
        sizeOf(data.resolve("databases").resolve("neo4j")),
        sizeOf(data.resolve("transactions").resolve("neo4j")));
  }

  /** Bytes of the files under a folder. */
  static long sizeOf(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <K extends Enum<K>> Map<String, Long> names(Map<K, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k.name().toLowerCase(Locale.ROOT), v));
    return out;
  }
}
