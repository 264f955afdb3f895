package io.blastgate.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the benchmark from a plain {@code java} command line until the program's command line offers
 * {@code blastgate bench}: {@code java <Neo4j flags> -Xmx2g -cp ... io.blastgate.bench.BenchMain
 * --nodes 1000000}. Exits 0 when the run completes, whatever the figures; 2 on a bad option.
 */
public final class BenchMain {
  static final String USAGE =
      """
      usage: BenchMain [--nodes N] [--seed S] [--typical N] [--most-shared N] [--most-shared-targets N]
                       [--warmup N] [--data-dir DIR] [--page-cache SIZE] [--batch-size N]
                       [--commit-every N] [--max-hops N] [--out FILE] [--keep-data]
        numbers take k and m (100k, 1m), sizes k, m and g (2g); defaults: %s
      """;

  private BenchMain() {}

  public static void main(String[] args) {
    BenchOptions opts;
    try {
      opts = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.printf(USAGE, BenchOptions.defaults());
      System.exit(2);
      return;
    }
    if (opts == null) {
      System.out.printf(USAGE, BenchOptions.defaults());
      return;
    }
    Benchmark.run(opts, System.out);
  }

  /** The options of a command line, or null when it asks for help. */
  static BenchOptions parse(String... args) {
    BenchOptions o = BenchOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        return null;
      }
      if (name.equals("--keep-data")) {
        o = o.withKeepData(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String v = args[++i];
      o =
          switch (name) {
            case "--nodes" -> o.withNodes((int) number(v));
            case "--seed" -> o.withSeed(Long.parseLong(v));
            case "--typical" -> o.withSamples((int) number(v), o.mostSharedSamples(), o.warmup());
            case "--most-shared" -> o.withSamples(o.typicalSamples(), (int) number(v), o.warmup());
            case "--warmup" -> o.withSamples(o.typicalSamples(), o.mostSharedSamples(), (int) number(v));
            case "--most-shared-targets" ->
                new BenchOptions(o.nodes(), o.seed(), o.typicalSamples(), o.mostSharedSamples(),
                    (int) number(v), o.warmup(), o.dataDir(), o.pageCacheBytes(), o.batchSize(),
                    o.commitEvery(), o.maxHops(), o.queryTimeout(), o.output(), o.keepData());
            case "--data-dir" -> o.withDataDir(Path.of(v));
            case "--page-cache" -> o.withPageCacheBytes(bytes(v));
            case "--batch-size" -> o.withImport((int) number(v), o.commitEvery());
            case "--commit-every" -> o.withImport(o.batchSize(), (int) number(v));
            case "--max-hops" ->
                new BenchOptions(o.nodes(), o.seed(), o.typicalSamples(), o.mostSharedSamples(),
                    o.mostSharedTargets(), o.warmup(), o.dataDir(), o.pageCacheBytes(), o.batchSize(),
                    o.commitEvery(), (int) number(v), o.queryTimeout(), o.output(), o.keepData());
            case "--out" -> o.withOutput(Path.of(v));
            default -> throw new IllegalArgumentException("unknown option " + name);
          };
    }
    return o;
  }

  /** 1000000, 1_000_000, 1000k or 1m. */
  static long number(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    long unit = s.endsWith("k") ? 1_000 : s.endsWith("m") ? 1_000_000 : 1;
    try {
      return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + v);
    }
  }

  /** 268435456, 256m or 2g. */
  static long bytes(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    int shift = s.endsWith("k") ? 10 : s.endsWith("m") ? 20 : s.endsWith("g") ? 30 : 0;
    try {
      return Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1)) << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: " + v);
    }
  }
}
