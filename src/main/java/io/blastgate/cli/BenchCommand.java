package io.blastgate.cli;

import io.blastgate.bench.BenchOptions;
import io.blastgate.bench.Benchmark;
import io.blastgate.bench.WritePathOptions;
import io.blastgate.model.HopBound;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the benchmark (docs/benchmark.md) on a synthetic organisation.",
      "It generates the organisation, imports it into a fresh embedded Neo4j, times blast radii of "
          + "typical and most-shared targets against a trivial query, re-imports it unchanged and edited and "
          + "checks what blast radii asked during an import see, watches the heap, prints a report and "
          + "writes it as JSON. Run it with BLASTGATE_HEAP=2g. "
          + "Exits 0 when the run completes, whatever the figures."
    })
final class BenchCommand implements Callable<Integer> {
  private static final BenchOptions D = BenchOptions.defaults();
  private static final WritePathOptions W = WritePathOptions.defaults();

  @Option(names = "--nodes", converter = Count.class, description = "size of the organisation; takes 100k, 1m (default 1m)")
  long nodes = D.nodes();

  @Option(names = "--seed", description = "the generator's seed (default 42)")
  long seed = D.seed();

  @Option(names = "--typical", converter = Count.class, description = "typical targets measured (default 2000)")
  long typical = D.typicalSamples();

  @Option(names = "--most-shared", converter = Count.class, description = "most-shared samples measured (default 300)")
  long mostShared = D.mostSharedSamples();

  @Option(names = "--most-shared-targets", converter = Count.class, description = "most-shared credentials cycled through (default 30)")
  long mostSharedTargets = D.mostSharedTargets();

  @Option(names = "--warmup", converter = Count.class, description = "blast radii computed first and not measured (default 300)")
  long warmup = D.warmup();

  @Option(names = "--data-dir", description = "each run gets a new folder under it (default target/bench)")
  Path dataDir = D.dataDir();

  @Option(names = "--page-cache", converter = Size.class, description = "Neo4j's page cache, e.g. 2g (default: sized for the run)")
  long pageCache = D.pageCacheBytes();

  @Option(names = "--batch-size", converter = Count.class, description = "rows per import statement (default 5000)")
  long batchSize = D.batchSize();

  @Option(names = "--commit-every", converter = Count.class,
      description = "rows per part of an import; 0: the program's default, one transaction up to 50,000 rows, else parts of 5,000 (default 0)")
  long commitEvery = D.commitEvery();

  @Option(names = "--writers", description = "import transactions written at once (default 2)")
  int writers = D.writers();

  @Option(names = "--max-hops", description = "the blast radius's traversal bound (default " + HopBound.DEFAULT + ")")
  int maxHops = D.maxHops();

  @Option(names = "--out", description = "the JSON report (default bench-report.json)")
  Path out = D.output();

  @Option(names = "--keep-data", description = "keep the run's folder (bundle, targets, database)")
  boolean keepData;

  @Option(names = "--initial", description = "import through the bulk first load (import --initial), with a trivial load timed in the same run")
  boolean initial;

  @Option(names = "--write-path", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "after the latency phase, re-import unchanged and edited, with readers (default on; --no-write-path skips it)")
  boolean writePath;

  @Option(names = "--edit", converter = Share.class, description = "share of entities the edited re-import adds, changes and removes (default 1%%)")
  double edit = W.editShare();

  @Option(names = "--large-edit", converter = Share.class, description = "share of the larger edit imported under readers; 0: none (default 10%%)")
  double largeEdit = W.largeEditShare();

  @Option(names = "--readers", description = "threads asking blast radii during the concurrent imports (default 4)")
  int readers = W.readers();

  BenchOptions options() {
    return new BenchOptions(
        Math.toIntExact(nodes),
        seed,
        Math.toIntExact(typical),
        Math.toIntExact(mostShared),
        Math.toIntExact(mostSharedTargets),
        Math.toIntExact(warmup),
        dataDir,
        pageCache,
        Math.toIntExact(batchSize),
        Math.toIntExact(commitEvery),
        writers,
        maxHops,
        D.queryTimeout(),
        out,
        keepData,
        initial,
        new WritePathOptions(writePath, edit, largeEdit, readers));
  }

  @Override
  public Integer call() {
    Benchmark.run(options(), System.out);
    return 0;
  }

  /** 1000000, 1_000_000, 1000k or 1m. */
  static final class Count implements ITypeConverter<Long> {
    @Override
    public Long convert(String v) {
      String s = v.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
      long unit = s.endsWith("k") ? 1_000 : s.endsWith("m") ? 1_000_000 : 1;
      return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }
  }

  /** 1%, 0.5% or 0.01. */
  static final class Share implements ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      String s = v.strip();
      return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
    }
  }

  /** 268435456, 256m or 2g. */
  static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String v) {
      String s = v.strip().toLowerCase(Locale.ROOT);
      int shift = s.endsWith("k") ? 10 : s.endsWith("m") ? 20 : s.endsWith("g") ? 30 : 0;
      return Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1)) << shift;
    }
  }

}
