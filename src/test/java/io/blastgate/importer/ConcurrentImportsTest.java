package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two imports of one source at once would each retract what the other wrote, so the second is refused
 * while the first runs, with nothing written; another source is not held up.
 */
@ExtendWith(TestGraph.class)
class ConcurrentImportsTest {
  private static final Path WORKED = Fixtures.path("scenarios/worked-example/bundle.json");
  private static final Path SHARED = Fixtures.path("scenarios/shared-secret/bundle.json");

  @Test
  void aSecondImportOfTheSameSourceIsRefusedWhileTheFirstRunsAndAnotherSourceIsNot(Graph graph)
      throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ImportProgress holdAtWrite =
        new ImportProgress() {
          @Override
          public void phase(String name, long total) {
            if (name.equals("write nodes") && writing.getCount() > 0) {
              writing.countDown();
              await(release);
            }
          }

          @Override
          public void advance(long n) {}
        };
    Importer importer = new Importer(graph, ImportSettings.defaults());
    CompletableFuture<ImportReport> first =
        CompletableFuture.supplyAsync(() -> importer.importPath(WORKED, Optional.empty(), holdAtWrite));
    try {
      assertThat(writing.await(60, TimeUnit.SECONDS)).as("the first import reached its writes").isTrue();

      ImportReport second = importer.importPath(WORKED, Optional.empty(), ImportProgress.none());
      assertThat(second.status()).isEqualTo(ImportReport.Status.FAILED);
      assertThat(second.errors()).singleElement().satisfies(e -> {
        assertThat(e.location()).isEqualTo("source");
        assertThat(e.message()).contains("another import of source 'scenario-worked-example' is running");
      });

      ImportReport other = importer.importPath(SHARED, Optional.empty(), ImportProgress.none());
      assertThat(other.status()).as("another source").isEqualTo(ImportReport.Status.SUCCEEDED);
    } finally {
      release.countDown();
    }
    assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(ImportReport.Status.SUCCEEDED);
    ImportReport again = importer.importPath(WORKED, Optional.empty(), ImportProgress.none());
    assertThat(again.status()).as("once the first has ended").isEqualTo(ImportReport.Status.SUCCEEDED);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the import");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
