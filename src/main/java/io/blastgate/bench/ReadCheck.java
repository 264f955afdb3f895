package io.blastgate.bench;

import io.blastgate.bench.ConcurrentReads.Answer;
import io.blastgate.bench.ConcurrentReads.Sample;
import io.blastgate.bench.WritePathReport.ConcurrentPhase;
import io.blastgate.bench.WritePathReport.Reimport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The check of a concurrent phase: every answer a reader got during the import must be the target's
 * answer before the import or after it, never another; with the counts of answers, refusals, errors,
 * questions that overlapped the import's write, and their latency.
 */
final class ReadCheck {
  private static final int EXAMPLES = 10;

  private ReadCheck() {}

  /** An answer equal to both the one before and the one after counts as before. */
  static ConcurrentPhase of(String what, int readers, Reimport imported, List<Sample> samples,
      Map<String, Answer> before, Map<String, Answer> after, ImportPhases phases) {
    long asBefore = 0;
    long asAfter = 0;
    long mismatches = 0;
    long unavailable = 0;
    long failed = 0;
    List<String> examples = new ArrayList<>();
    List<Long> answered = new ArrayList<>();
    List<Long> duringWrite = new ArrayList<>();
    for (Sample s : samples) {
      boolean writing = phases.overlapsTheWrite(s.askedAt(), s.nanos());
      if (writing) {
        duringWrite.add(s.nanos());
      }
      switch (s.outcome()) {
        case UNAVAILABLE -> {
          unavailable++;
          example(examples, s.target() + ": unavailable: " + s.error());
        }
        case FAILED -> {
          failed++;
          example(examples, s.target() + ": failed: " + s.error());
        }
        case ANSWERED -> {
          answered.add(s.nanos());
          Answer was = before.get(s.target());
          Answer is = after.get(s.target());
          if (s.answer().equals(was)) {
            asBefore++;
          } else if (s.answer().equals(is)) {
            asAfter++;
          } else {
            mismatches++;
            example(examples, s.target() + ": " + s.answer() + ", neither " + was + " before nor " + is + " after");
          }
        }
      }
    }
    int changing = (int) before.keySet().stream().filter(t -> !Objects.equals(before.get(t), after.get(t))).count();
    return new ConcurrentPhase(what, readers, before.size(), changing, imported, answered.size(), asBefore, asAfter,
        mismatches, unavailable, failed, duringWrite.size(), summary(answered), summary(duringWrite), examples);
  }

  private static void example(List<String> examples, String text) {
    if (examples.size() < EXAMPLES) {
      examples.add(text);
    }
  }

  private static LatencySummary summary(List<Long> nanos) {
    return LatencySummary.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
  }
}
