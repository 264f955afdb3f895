package io.blastgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one benchmark run measured, as printed and as written to JSON (snake_case). Latencies are in
 * milliseconds, sizes in bytes, rates per second; "reach" counts the workloads a blast radius
 * reaches. {@code writePath} is null when the run skipped the write-path phases.
 */
public record BenchReport(
    String startedAt,
    Machine machine,
    Parameters parameters,
    Generation generation,
    ImportFigures importFigures,
    Latency latency,
    Heap heap,
    WritePathReport writePath,
    List<TargetCheck> targets) {

  public BenchReport {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(importFigures, "importFigures");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(heap, "heap");
    targets = List.copyOf(targets);
  }

  public record Machine(
      int cores,
      String cpu,
      String os,
      String java,
      long physicalMemoryBytes,
      long maxHeapBytes,
      String maxHeapFlag,
      Long pageCacheBytes) {}

  public record Parameters(
      int nodes,
      long seed,
      int typicalSamples,
      int mostSharedSamples,
      int mostSharedTargets,
      int warmup,
      int batchSize,
      int commitEvery,
      int writers,
      int maxHops,
      boolean initialLoad) {}

  public record Generation(
      long millis,
      long bytes,
      long entities,
      long relationships,
      Map<String, Long> entitiesByLabel,
      Map<String, Long> relationshipsByType) {}

  /**
   * Import throughput, the size of the store and of its transaction logs afterwards (null when the
   * graph is not a store of this run's), the milliseconds of each of the importer's phases, the CPU
   * time the process spent meanwhile, and the one-minute load average at the start and at the end.
   * For a bulk first load, {@code trivialLoadMillis} is the same run's trivial operation: the whole
   * load of a one-entity bundle into another fresh database (null for a transactional import).
   */
  public record ImportFigures(
      long millis,
      long entities,
      long relationships,
      double entitiesPerSecond,
      double relationshipsPerSecond,
      double rowsPerSecond,
      Long storeBytes,
      Long transactionLogBytes,
      String runId,
      Map<String, Long> phaseMillis,
      Long cpuMillis,
      Double loadAtStart,
      Double loadAtEnd,
      Long trivialLoadMillis) {}

  /** Bytes on disk of a store and of its transaction logs. */
  public record StoreSize(long storeBytes, long transactionLogBytes) {}

  /** Workloads reached by the blast radii of a group, over its samples. */
  public record Reach(int min, int p50, int p95, int p99, int max) {}

  /** One group of blast-radius samples; {@code truncated} counts answers cut by the hop bound. */
  public record Group(int targets, LatencySummary latency, Reach reach, int truncated) {}

  /** One most-shared target: its consumers, what its blast radius reaches, its median latency. */
  public record TargetImpact(
      String id, int consumers, int direct, int total, Integer deepestHops, int samples, double p50Ms) {}

  /** The samples, of either group, whose answers reached between {@code from} and {@code to} (exclusive; null: no end) workloads. */
  public record ReachBand(int from, Integer to, Group samples) {}

  /**
   * Blast-radius latency by group, and the trivial query measured between them: {@code
   * reachingAThousand} takes every measured sample, of either group, whose answer reached 1000
   * workloads or more, {@code byReach} splits those by how many they reached, and {@code
   * msPerThousandWorkloads} is the median, over those samples, of the latency per 1000 workloads
   * reached: what a large answer costs per workload.
   */
  public record Latency(
      Group typical,
      Group mostShared,
      Group reachingAThousand,
      List<ReachBand> byReach,
      double msPerThousandWorkloads,
      LatencySummary trivialQuery,
      List<TargetImpact> mostSharedTargets) {
    public Latency {
      byReach = List.copyOf(byReach);
      mostSharedTargets = List.copyOf(mostSharedTargets);
    }
  }

  /**
   * Heap by phase ({@link HeapWatch}): sampled peak, pools' peaks summed, peak left after a GC; and
   * the machine's one-minute load average at the phase's end, since a busy machine slows everything.
   */
  public record PhaseHeap(
      long peakUsedBytes,
      long peakPoolsBytes,
      long peakAfterGcBytes,
      long gcCount,
      long gcMillis,
      double loadAverage) {}

  public record Heap(
      long maxHeapBytes, long peakUsedBytes, long peakAfterGcBytes, Map<String, PhaseHeap> phases) {}

  /** One target of the issue against what was measured. {@code applies} only at a million nodes. */
  public record TargetCheck(String name, String target, String measured, boolean met, boolean applies) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void writeJson(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJson() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  public static BenchReport readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), BenchReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a report from " + file, e);
    }
  }
}
