package io.blastgate.bench;

import io.blastgate.blastradius.BlastRadius;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.UnknownEntity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readers that ask blast radii while an import runs on the calling thread, each reader cycling through
 * the targets from its own starting point; and what a blast radius says, reduced to what tells two
 * states of the graph apart.
 */
final class ConcurrentReads {
  private ConcurrentReads() {}

  /**
   * A blast radius reduced to its total, the number of impacted workloads and an order-free digest of
   * their ids: two answers that differ in any impacted workload differ here.
   */
  record Answer(int total, int impacted, long digest) {
    /** The answer for a target the graph does not hold (one that an edit removed). */
    static final Answer ABSENT = new Answer(-1, -1, 0);

    /** The answer for {@code target} now. */
    static Answer ask(BlastRadiusService service, String target) {
      try {
        return of(service.compute(target));
      } catch (UnknownEntity e) {
        return ABSENT;
      }
    }

    static Answer of(BlastRadius radius) {
      long digest = 0;
      for (BlastRadius.ImpactedWorkload w : radius.impacted()) {
        digest += mix(w.id());
      }
      return new Answer(radius.summary().total(), radius.impacted().size(), digest);
    }

    /** A 64-bit FNV-1a hash of the id's bytes, mixed (the finaliser of SplitMix64). */
    private static long mix(String id) {
      long h = 0xcbf29ce484222325L;
      for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
      h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
      return h ^ (h >>> 31);
    }
  }

  enum Outcome { ANSWERED, UNAVAILABLE, FAILED }

  /** One question asked during the phase: when it was asked, how long it took and what came back. */
  record Sample(String target, long askedAt, long nanos, Outcome outcome, Answer answer, String error) {}

  /** The work's result and every reader's samples. */
  record During<T>(T result, List<Sample> samples) {}

  /** The answers for each target now, one at a time: outside a concurrent phase. */
  static Map<String, Answer> answers(BlastRadiusService service, List<String> targets) {
    Map<String, Answer> out = new LinkedHashMap<>();
    for (String target : targets) {
      out.put(target, Answer.ask(service, target));
    }
    return out;
  }

  /**
   * Runs {@code work} on this thread while {@code readers} threads ask the blast radii of {@code
   * targets} in turn, from the moment before it starts until it returns.
   */
  static <T> During<T> during(BlastRadiusService service, List<String> targets, int readers, Callable<T> work)
      throws Exception {
    if (targets.isEmpty() || readers < 1) {
      return new During<>(work.call(), List.of());
    }
    AtomicBoolean done = new AtomicBoolean();
    List<List<Sample>> perReader = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      List<Sample> mine = new ArrayList<>();
      perReader.add(mine);
      int first = r * targets.size() / readers;
      threads.add(Thread.ofPlatform().name("bench-reader-" + r).start(() -> {
        for (int k = first; !done.get(); k++) {
          mine.add(ask(service, targets.get(k % targets.size())));
        }
      }));
    }
    T result;
    try {
      result = work.call();
    } finally {
      done.set(true);
      for (Thread t : threads) {
        t.join();
      }
    }
    List<Sample> all = new ArrayList<>();
    perReader.forEach(all::addAll);
    return new During<>(result, all);
  }

  private static Sample ask(BlastRadiusService service, String target) {
    long asked = System.nanoTime();
    try {
      Answer answer = Answer.ask(service, target);
      return new Sample(target, asked, System.nanoTime() - asked, Outcome.ANSWERED, answer, null);
    } catch (GraphUnavailable e) {
      return new Sample(target, asked, System.nanoTime() - asked, Outcome.UNAVAILABLE, null, e.getMessage());
    } catch (RuntimeException e) {
      return new Sample(target, asked, System.nanoTime() - asked, Outcome.FAILED, null, e.toString());
    }
  }
}
