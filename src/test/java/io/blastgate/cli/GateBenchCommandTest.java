package io.blastgate.cli;

import static io.blastgate.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.cli.CliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-gate runs end to end, briefly: decisions and trivial requests are counted, none fails. */
class GateBenchCommandTest {
  @Test
  void aShortRunOnTheDemoReportsDecisionsBesideTheTrivialRequest(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Run r = run("bench-gate", "--seconds", "2", "--warmup", "1", "--clients", "2",
        "--data-dir", dir.resolve("run").toString(), "--out", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("decisions").asLong()).isPositive();
    assertThat(json.get("errors").asLong()).isZero();
    assertThat(json.at("/decision/samples").asLong()).isEqualTo(json.get("decisions").asLong());
    assertThat(json.at("/trivial/samples").asLong()).isPositive();
    assertThat(json.at("/trivial_ceiling/samples").asLong()).isPositive();
    assertThat(json.get("trivial_ceiling_per_second").asDouble()).isPositive();
    assertThat(json.at("/options/dry_run").asBoolean()).isTrue();
  }
}
