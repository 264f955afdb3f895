package io.blastgate.bench;

import io.blastgate.bench.BenchReport.Group;
import io.blastgate.bench.BenchReport.Latency;
import io.blastgate.bench.BenchReport.Reach;
import io.blastgate.bench.BenchReport.ReachBand;
import io.blastgate.bench.BenchReport.TargetImpact;
import io.blastgate.blastradius.BlastRadius;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.graph.Graph;
import io.blastgate.services.Services;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Measures blast-radius latency for typical and most-shared targets, interleaved, with a trivial
 * query's round trip timed right after each one through the same façade, so that a slow moment of a
 * shared machine shows in both and the figures stay comparable. One thread, one call at a time: this
 * is latency, not throughput.
 */
final class LatencyRun {
  /** A sample reaching this many workloads or more counts among the large ones. */
  static final int LARGE_REACH = 1_000;
  /** Where the bands of large answers start. */
  static final int[] BANDS = {1_000, 2_000, 5_000, 10_000};

  record Sample(
      String target, boolean mostShared, long nanos, int direct, int total, Integer deepest, boolean truncated) {}

  private final Graph graph;
  private final BlastRadiusService service;
  private final PrintStream out;

  LatencyRun(Services services, PrintStream out) {
    this.graph = services.graph();
    this.service = services.blastRadius();
    this.out = out;
  }

  Latency measure(BenchOptions opts, GeneratedOrg org) {
    List<String> typical = org.typicalTargets();
    List<String> warm = typical.subList(0, Math.min(opts.warmup(), typical.size()));
    List<String> measured = typical.subList(warm.size(), typical.size());
    List<String> shared = org.mostSharedTargets();
    int sharedSamples = shared.isEmpty() ? 0 : opts.mostSharedSamples();

    out.printf("latency: warm-up with %d typical and %d most-shared targets%n", warm.size(), shared.size());
    warm.forEach(t -> sample(t, false));
    shared.forEach(t -> sample(t, false));

    int total = measured.size() + sharedSamples;
    out.printf(
        "latency: %d typical and %d most-shared samples, each followed by a trivial query%n",
        measured.size(), sharedSamples);
    List<Sample> samples = new ArrayList<>(total);
    long[] pings = new long[total];
    int nextTypical = 0;
    int nextShared = 0;
    for (int k = 0; k < total; k++) {
      // Spread the most-shared samples evenly among the typical ones (Bresenham).
      boolean mostShared =
          sharedSamples > 0 && (long) (k + 1) * sharedSamples / total > (long) k * sharedSamples / total;
      String target =
          mostShared ? shared.get(nextShared++ % shared.size()) : measured.get(nextTypical++);
      samples.add(sample(target, mostShared));
      pings[k] = ping();
      if (total >= 10 && (k + 1) % (total / 10) == 0) {
        out.printf("  %d%%%n", (k + 1) * 100 / total);
      }
    }
    return new Latency(
        group(samples, s -> !s.mostShared()),
        group(samples, Sample::mostShared),
        group(samples, s -> s.total() >= LARGE_REACH),
        bands(samples),
        msPerThousand(samples),
        LatencySummary.ofNanos(pings),
        impacts(samples, org));
  }

  static List<ReachBand> bands(List<Sample> samples) {
    List<ReachBand> out = new ArrayList<>();
    for (int i = 0; i < BANDS.length; i++) {
      int from = BANDS[i];
      Integer to = i + 1 < BANDS.length ? BANDS[i + 1] : null;
      Group g = group(samples, s -> s.total() >= from && (to == null || s.total() < to));
      if (g.latency().samples() > 0) {
        out.add(new ReachBand(from, to, g));
      }
    }
    return out;
  }

  static double msPerThousand(List<Sample> samples) {
    double[] ratios =
        samples.stream()
            .filter(s -> s.total() >= LARGE_REACH)
            .mapToDouble(s -> s.nanos() / 1e6 / (s.total() / 1000.0))
            .sorted()
            .toArray();
    return ratios.length == 0 ? 0 : Math.round(ratios[(ratios.length - 1) / 2] * 100) / 100.0;
  }

  private Sample sample(String target, boolean mostShared) {
    long started = System.nanoTime();
    BlastRadius answer = service.compute(target);
    long nanos = System.nanoTime() - started;
    return new Sample(
        target,
        mostShared,
        nanos,
        answer.summary().direct(),
        answer.summary().total(),
        answer.summary().deepestHops(),
        answer.truncated());
  }

  private long ping() {
    long started = System.nanoTime();
    if (!graph.ping()) {
      throw new GraphUnavailable("the trivial query failed during the benchmark", null);
    }
    return System.nanoTime() - started;
  }

  static Group group(List<Sample> samples, Predicate<Sample> in) {
    List<Sample> chosen = samples.stream().filter(in).toList();
    long[] nanos = chosen.stream().mapToLong(Sample::nanos).toArray();
    long[] reach = chosen.stream().mapToLong(Sample::total).sorted().toArray();
    Reach r =
        reach.length == 0
            ? new Reach(0, 0, 0, 0, 0)
            : new Reach(
                (int) reach[0],
                (int) LatencySummary.rank(reach, 0.50),
                (int) LatencySummary.rank(reach, 0.95),
                (int) LatencySummary.rank(reach, 0.99),
                (int) reach[reach.length - 1]);
    int targets = (int) chosen.stream().map(Sample::target).distinct().count();
    int truncated = (int) chosen.stream().filter(Sample::truncated).count();
    return new Group(targets, LatencySummary.ofNanos(nanos), r, truncated);
  }

  private static List<TargetImpact> impacts(List<Sample> samples, GeneratedOrg org) {
    Map<String, List<Sample>> byTarget = new LinkedHashMap<>();
    for (String id : org.mostSharedTargets()) {
      byTarget.put(id, new ArrayList<>());
    }
    samples.stream().filter(Sample::mostShared).forEach(s -> byTarget.get(s.target()).add(s));
    List<TargetImpact> out = new ArrayList<>();
    int rank = 0;
    for (Map.Entry<String, List<Sample>> e : byTarget.entrySet()) {
      int consumers = org.mostSharedConsumers().get(rank++);
      List<Sample> ss = e.getValue();
      if (ss.isEmpty()) {
        continue;
      }
      long[] nanos = ss.stream().mapToLong(Sample::nanos).toArray();
      Arrays.sort(nanos);
      Sample first = ss.get(0);
      out.add(
          new TargetImpact(
              e.getKey(),
              consumers,
              first.direct(),
              first.total(),
              first.deepest(),
              ss.size(),
              LatencySummary.ofNanos(nanos).p50Ms()));
    }
    return out;
  }
}
