package io.blastgate.cli;

import static io.blastgate.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --initial}, the bulk first load, as a person runs it, on real embedded databases. */
class InitialLoadCommandTest {
  private static final String WORKED = "fixtures/scenarios/worked-example/bundle.json";

  @Test
  void loadsAnEmptyDatabaseThatTheCommandsThenAnswerFromAndRefusesToLoadItAgain(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();

    Run loaded = run("import", "--initial", "--data-dir", data, WORKED);

    assertThat(loaded.exit()).as(loaded.err()).isZero();
    assertThat(loaded.out())
        .containsPattern("^Loaded bundle as source scenario-worked-example into an empty database in \\d+ ms \\(run [0-9a-f-]{36}\\)\n")
        .contains("  1 identities, 1 credentials, 4 workloads, 2 owners, 8 relationships\n")
        .containsPattern("\n  16 entities and relationships in [0-9.]+ s: [0-9,]+ per second\n$");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(data)))).isEqualTo("rwx------");
    Run table = run("blast-radius", "--data-dir", data, "cred:stripe-key");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("4 workloads impacted (2 direct), deepest 2 hops");
    assertThat(table.err()).doesNotContain("open to group or others");

    Run again = run("import", "--initial", "--data-dir", data, WORKED);
    assertThat(again.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(again.err().strip().lines()).containsExactly("blastgate: the database in "
        + Path.of(data).toAbsolutePath().normalize() + " already holds 9 nodes: a bulk load builds a new database and"
        + " works only into an empty one; import into it instead");
  }

  @Test
  void anInvalidBundleIsRefusedWithTheListThatImportPrints(@TempDir Path dir) {
    Run imported = run("import", "--data-dir", dir.resolve("a").toString(), "fixtures/invalid/many-errors.json");
    Run loaded = run("import", "--initial", "--data-dir", dir.resolve("b").toString(), "fixtures/invalid/many-errors.json");

    assertThat(loaded.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(loaded.out()).startsWith("Nothing was imported: 14 errors").isEqualTo(imported.out());
  }

  @Test
  void theTransactionalWritesOptionsAndAServerAreRefusedBeforeAnythingOpens(@TempDir Path dir) {
    Path data = dir.resolve("never");

    Run parts = run("import", "--initial", "--commit-every", "1000", "--data-dir", data.toString(), WORKED);
    Run server = run("import", "--initial", "--server", "http://127.0.0.1:9", "--token", "t", WORKED);

    assertThat(parts.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(parts.err().strip()).isEqualTo("blastgate: --initial writes no transactions: --commit-every does not apply");
    assertThat(server.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(server.err().strip()).isEqualTo("blastgate: bulk load works only on the embedded database:"
        + " --initial does not go through a server (--server or BLASTGATE_URL)");
    assertThat(data).doesNotExist();
  }

  @Test
  void aFormatAndItsOptionsAreTakenAsImportTakesThem(@TempDir Path dir) {
    String data = dir.resolve("data").toString();

    Run loaded = run("import", "--initial", "--data-dir", data, "--format", "kubernetes", "--cluster", "eu-1",
        "--source", "shop", "importers/kubernetes/samples/GoogleCloudPlatform__microservices-demo/release");

    assertThat(loaded.exit()).as(loaded.err()).isZero();
    assertThat(loaded.out()).startsWith("Loaded kubernetes as source shop into an empty database");
    Run table = run("blast-radius", "--data-dir", data, "k8s:eu-1/default/serviceaccount/checkoutservice");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("k8s:eu-1/default/deployment/checkoutservice");
  }
}
