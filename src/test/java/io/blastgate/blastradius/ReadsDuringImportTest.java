package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A blast radius asked while an import is being published in parts is the one before the import or
 * the one after it, never one between: each part committed alone would otherwise show a number of
 * workloads that was never true.
 */
@ExtendWith(TestGraph.class)
class ReadsDuringImportTest {
  private static final String SHARED = "cred:shared";

  @TempDir Path dir;

  /** A source whose {@code workloads} workloads all use one credential. */
  private Path bundle(String name, int workloads) throws IOException {
    String all = IntStream.range(0, workloads)
        .mapToObj(i -> "{\"id\": \"wl:" + i + "\", \"kind\": \"service\", \"uses\": [\"" + SHARED + "\"]}")
        .collect(Collectors.joining(",\n"));
    return Files.writeString(dir.resolve(name + ".json"), """
        {"format": "blastgate.bundle/v1", "source": "inventory",
         "credentials": [{"id": "%s", "kind": "secret"}],
         "workloads": [%s]}
        """.formatted(SHARED, all));
  }

  @ParameterizedTest
  @EnumSource(BlastRadiusService.Engine.class)
  void aBlastRadiusAskedDuringAnImportInPartsIsTheOneBeforeOrTheOneAfter(BlastRadiusService.Engine engine,
      Graph graph) throws Exception {
    new Importer(graph, ImportSettings.defaults()).importPath(bundle("v1", 30), Optional.empty(), ImportProgress.none());
    BlastRadiusService radius = new BlastRadiusService(graph, 50, engine);
    assertThat(radius.compute(SHARED).summary().total()).isEqualTo(30);
    // One row per part, one part at a time: 120 commits, each a state between 30 and 90.
    Importer inParts =
        new Importer(graph, ImportSettings.defaults().withBatchSize(1).withCommitEvery(1).withWriters(1));
    Path v2 = bundle("v2", 90);

    Set<Integer> seen = new TreeSet<>();
    int asked = 0;
    ExecutorService importing = Executors.newSingleThreadExecutor();
    try {
      Future<ImportReport> report = importing.submit(() -> inParts.importPath(v2, Optional.empty(),
          ImportProgress.none()));
      while (!report.isDone()) {
        seen.add(radius.compute(SHARED).summary().total());
        asked++;
      }
      assertThat(report.get().succeeded()).isTrue();
    } finally {
      importing.shutdown();
    }

    assertThat(asked).as("blast radii asked during the import").isPositive();
    assertThat(seen).isSubsetOf(30, 90);
    assertThat(radius.compute(SHARED).summary().total()).isEqualTo(90);
  }
}
