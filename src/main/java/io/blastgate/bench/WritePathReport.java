package io.blastgate.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the write-path phases measured (issue 8), after the first import and the latency phase: the
 * re-import of the unchanged bundle, the re-import of an edited copy, and blast radii asked by
 * concurrent readers while the original was imported back over the edit (and, optionally, while a
 * larger edit was imported). Times in milliseconds; {@code ratio} is the first import's time over this
 * import's.
 *
 * @param largeEdit null when the run made no larger edit
 * @param large null when the run made no larger edit
 */
public record WritePathReport(
    Reimport unchanged,
    Edit edit,
    Reimport edited,
    ConcurrentPhase revert,
    Edit largeEdit,
    ConcurrentPhase large) {

  public WritePathReport {
    Objects.requireNonNull(unchanged, "unchanged");
    Objects.requireNonNull(edit, "edit");
    Objects.requireNonNull(edited, "edited");
    Objects.requireNonNull(revert, "revert");
  }

  /** What an import's report counted as written and removed. */
  public record Written(
      long unchanged, long writtenEntities, long writtenRelationships, long removedNodes, long removedRelationships) {}

  /**
   * One re-import: its time and ratio to the first import, the same for the CPU time the process
   * spent, and the one-minute load average at its start and end (on a shared machine, wall times
   * compare only under the same load; CPU times hardly depend on it); the median of three imports of
   * an empty bundle of another source just before it (the trivial import: an import's fixed cost on
   * this machine at this moment); whether it wrote in parts; what it wrote against what the edit says
   * it must write ({@code exact}: written entities and removed nodes both equal the expected); and its
   * phases.
   */
  public record Reimport(
      String what,
      long millis,
      double ratio,
      long cpuMillis,
      double cpuRatio,
      double loadAtStart,
      double loadAtEnd,
      long trivialImportMillis,
      boolean inParts,
      Written written,
      long expectedWrittenEntities,
      long expectedRemovedNodes,
      boolean exact,
      Map<String, Long> phaseMillis) {}

  /**
   * An edited copy of the bundle ({@link BundleEditor}): the share edited, the seed, the entities added,
   * removed and renamed, those that lost a reference to a removed one ({@code stripped}), the entities a
   * re-import must write, and how long the edit took (not counted in any import).
   */
  public record Edit(
      double share, long seed, int added, int removed, int renamed, int stripped, int written, long millis) {}

  /**
   * Blast radii asked by {@code readers} threads while an import ran: each answer is compared with the
   * target's answer before the import and after it (its total, its number of impacted workloads and a
   * digest of their ids), computed outside the phase. {@code mismatches} must be 0. {@code duringWrite}
   * counts the questions (answered or not) that overlapped the import's write, from its first write
   * phase to its publication: when it writes in parts ({@code imported.inParts}), those waited for the
   * publication, and {@code latencyDuringWrite} says how long. {@code unavailable}
   * counts answers refused as "the graph is between two states" after the readers' wait; {@code failed}
   * any other error; {@code problemExamples} shows up to ten mismatches and errors.
   */
  public record ConcurrentPhase(
      String what,
      int readers,
      int targets,
      int targetsThatChange,
      Reimport imported,
      long answers,
      long asBefore,
      long asAfter,
      long mismatches,
      long unavailable,
      long failed,
      long duringWrite,
      LatencySummary latency,
      LatencySummary latencyDuringWrite,
      List<String> problemExamples) {
    public ConcurrentPhase {
      Objects.requireNonNull(imported, "imported");
      problemExamples = List.copyOf(problemExamples);
    }
  }
}
