package io.blastgate.bench;

import java.util.Arrays;

/**
 * Order statistics of a set of samples (nanoseconds in, milliseconds out), by the nearest-rank
 * method on the sorted samples: p99 of 2000 samples is the 1980th smallest, an observed value.
 */
public record LatencySummary(
    int samples, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

  static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new LatencySummary(
        sorted.length,
        ms(rank(sorted, 0.50)),
        ms(rank(sorted, 0.95)),
        ms(rank(sorted, 0.99)),
        ms(sorted[sorted.length - 1]),
        ms(mean));
  }

  static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(double nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
