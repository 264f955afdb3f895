package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.graph.GraphConnection;
import io.blastgate.graph.GraphSettings;
import io.blastgate.graph.Row;
import io.blastgate.testing.TestGraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of an import and of a re-import that commit in parts, each in a process of
 * its own (the program's {@code import} command on an embedded data folder); then start-up (the
 * importer's {@link Importer#finishInterrupted}, which the program runs on opening) and a check that the
 * graph is the one before the import or the one after it, with no journal left and no reader held.
 *
 * <p>Sizes: {@code -Dblastgate.crash.nodes} (default 3,000 entities of {@link BundleGenerator}'s
 * organisation), {@code -Dblastgate.crash.moments} per import (default 10) and {@code
 * -Dblastgate.crash.part-rows}, the rows of each part the killed import commits (default 100, so that
 * a small import has many parts to be killed between); docs/benchmark.md gives a run at a larger size.
 */
@ExtendWith(TestGraph.class)
class CrashRecoveryTest {
  private static final int NODES = Integer.getInteger("blastgate.crash.nodes", 3_000);
  private static final int MOMENTS = Integer.getInteger("blastgate.crash.moments", 10);
  private static final int PART_ROWS = Integer.getInteger("blastgate.crash.part-rows", 100);

  @TempDir Path dir;

  private record Outcome(boolean before, boolean after, boolean recovered) {}

  @Test
  void aFirstImportKilledAtAnyMomentEndsBeforeOrAfterIt(Graph graph) throws Exception {
    Path v1 = dir.resolve("v1.json");
    generate(v1);
    GraphSnapshot empty = GraphSnapshot.take(graph, GraphSnapshot.RUN_PROPERTIES);
    importHere(graph, v1);
    GraphSnapshot after = GraphSnapshot.take(graph, GraphSnapshot.RUN_PROPERTIES);

    List<Outcome> outcomes = killAtRandomMoments(null, v1, empty, after, 1);

    report("first import", outcomes);
  }

  @Test
  void aReImportKilledAtAnyMomentEndsBeforeOrAfterIt(Graph graph) throws Exception {
    Path v1 = dir.resolve("v1.json");
    generate(v1);
    Path v2 = BundleEdits.edit(v1, dir.resolve("v2.json"), 0.03, 5).bundle();
    importHere(graph, v1);
    GraphSnapshot before = GraphSnapshot.take(graph, GraphSnapshot.RUN_PROPERTIES);
    importHere(graph, v2);
    GraphSnapshot after = GraphSnapshot.take(graph, GraphSnapshot.RUN_PROPERTIES);

    List<Outcome> outcomes = killAtRandomMoments(v1, v2, before, after, 2);

    report("re-import", outcomes);
  }

  /** About NODES entities: a team per 150, and identities, credentials and workloads 20/25/55 %. */
  private static void generate(Path bundle) throws IOException {
    BundleGenerator.write(bundle, Math.max(1, NODES / 150), NODES / 5, NODES / 4, NODES - NODES / 5 - NODES / 4
        - Math.max(1, NODES / 150));
  }

  private static void importHere(Graph graph, Path bundle) {
    assertThat(new Importer(graph, ImportSettings.defaults()).importPath(bundle, Optional.empty(),
        ImportProgress.none()).succeeded()).isTrue();
  }

  private static void report(String what, List<Outcome> outcomes) {
    long before = outcomes.stream().filter(Outcome::before).count();
    long recovered = outcomes.stream().filter(Outcome::recovered).count();
    System.out.printf("%s killed %d times: %d ended before it, %d after it (%d of those finished at start-up)%n",
        what, outcomes.size(), before, outcomes.size() - before, recovered);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.before() || o.after()).isTrue());
  }

  /**
   * For each moment: a fresh data folder (holding {@code first} imported, if given), the import of
   * {@code bundle} in a process killed at a random moment after its journal began (or before, or after
   * it ended: the moment is drawn across its whole publishing time), start-up, and the check.
   */
  private List<Outcome> killAtRandomMoments(Path first, Path bundle, GraphSnapshot before, GraphSnapshot after,
      long seed) throws Exception {
    Random random = new Random(seed);
    Path base = dir.resolve("base-" + seed);
    if (first != null) {
      assertThat(runProgram(base, first, -1)).isZero();
    }
    Path timing = dir.resolve("timing-" + seed);
    copy(base, timing);
    long publishingMs = runProgramTimed(timing, bundle);
    List<Outcome> outcomes = new ArrayList<>();
    for (int moment = 0; moment < MOMENTS; moment++) {
      Path data = dir.resolve("data-" + seed + "-" + moment);
      copy(base, data);
      // Some at once (while the input is copied, before the journal began), most while it publishes,
      // some after it ended.
      long killAfterMs = Math.max(0, (long) ((random.nextDouble() * 1.3 - 0.1) * publishingMs));
      runProgram(data, bundle, killAfterMs);
      outcomes.add(startAndCheck(data, before, after, "moment " + moment + " (" + killAfterMs + " ms in)"));
    }
    return outcomes;
  }

  /** A copy of a data folder holding the first import (a folder of a stopped program), or a new folder. */
  private static void copy(Path from, Path to) throws IOException {
    java.nio.file.Files.createDirectories(to);
    if (!java.nio.file.Files.exists(from)) {
      return;
    }
    try (var files = java.nio.file.Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (java.nio.file.Files.isDirectory(file)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(file, target);
        }
      }
    }
  }

  private Outcome startAndCheck(Path data, GraphSnapshot before, GraphSnapshot after, String moment) {
    try (GraphConnection connection = GraphConnection.open(GraphSettings.embedded(data))) {
      Graph graph = connection.graph();
      List<ImportReport> finished =
          new Importer(graph, ImportSettings.defaults().withJournalDir(data.resolve("import-journal")))
              .finishInterrupted();
      assertThat(finished).as(moment).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
      GraphSnapshot now = GraphSnapshot.take(graph, GraphSnapshot.RUN_PROPERTIES);
      Row bookkeeping = graph.readAnyState(SnapshotQuery.BOOKKEEPING, Map.of(), r -> r.single());
      assertThat(bookkeeping.number("journals")).as(moment + ": journals left").isZero();
      assertThat(bookkeeping.isNull("writer")).as(moment + ": readers held").isTrue();
      assertThat(now).as(moment + ": the graph before or after the import").isIn(before, after);
      if (java.nio.file.Files.exists(data.resolve("import-journal"))) {
        assertThat(data.resolve("import-journal")).as(moment + ": copies left").isEmptyDirectory();
      }
      return new Outcome(now.equals(before), now.equals(after), !finished.isEmpty());
    }
  }

  /** How long the import publishes, from its journal's start to the process's end, in a run not killed. */
  private long runProgramTimed(Path data, Path bundle) throws Exception {
    long[] publishing = {-1};
    int exit = runProgram(data, bundle, -1, publishing);
    assertThat(exit).isZero();
    assertThat(publishing[0]).as("the import committed in parts under a journal").isPositive();
    return publishing[0];
  }

  private int runProgram(Path data, Path bundle, long killAfterMs) throws Exception {
    return runProgram(data, bundle, killAfterMs, new long[1]);
  }

  /**
   * Runs {@code import} in a process of its own, in parts of {@link #PART_ROWS} rows; with {@code killAfterMs} at
   * least 0, kills it (SIGKILL) that long after its journal's folder appeared (the run copies its input
   * there, then begins publishing).
   */
  private static int runProgram(Path data, Path bundle, long killAfterMs, long[] publishingMs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx1g");
    command.addAll(Arrays.asList(System.getProperty("blastgate.neo4j.jvm.flags", "").trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.blastgate.cli.Main", "import",
        bundle.toString(), "--data-dir", data.toString(), "--commit-every", Integer.toString(PART_ROWS)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("BLASTGATE_"));
    Process process = builder.start();
    CountDownLatch began = new CountDownLatch(1);
    long[] beganAt = {0};
    List<String> output = new ArrayList<>();
    Thread reader = Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (output) {
            output.add(line);
          }
        }
      } catch (IOException e) {
        // the process was killed
      }
    });
    Thread watcher = Thread.ofPlatform().daemon().start(() -> {
      Path journal = data.resolve("import-journal");
      while (process.isAlive() && began.getCount() > 0) {
        try (var runs = java.nio.file.Files.list(journal)) {
          if (runs.findAny().isPresent()) {
            beganAt[0] = System.nanoTime();
            began.countDown();
            return;
          }
        } catch (IOException e) {
          // not there yet
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    if (killAfterMs >= 0) {
      assertThat(began.await(5, TimeUnit.MINUTES)).as("the import began publishing: " + output).isTrue();
      Thread.sleep(killAfterMs);
      process.destroyForcibly();
    }
    int exit = process.waitFor();
    reader.join(10_000);
    watcher.interrupt();
    if (began.getCount() == 0) {
      publishingMs[0] = (System.nanoTime() - beganAt[0]) / 1_000_000;
    }
    if (killAfterMs < 0 && exit != 0) {
      throw new AssertionError("import exited " + exit + ": " + String.join("\n", output));
    }
    return exit;
  }
}
