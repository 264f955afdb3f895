package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.bench.BenchOptions;
import io.blastgate.bench.WritePathOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private static BenchOptions parse(String... args) {
    BenchCommand cmd = new BenchCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.options();
  }

  @Test
  void readsEveryOptionAndKeepsDefaultsForTheRest() {
    BenchOptions o =
        parse(
            "--nodes", "100k", "--seed", "7", "--typical", "500", "--most-shared", "50",
            "--warmup", "20", "--data-dir", "/tmp/x", "--page-cache", "2g", "--batch-size", "2_000",
            "--commit-every", "1000", "--max-hops", "12", "--out", "r.json", "--keep-data",
            "--most-shared-targets", "4", "--no-write-path", "--edit", "2%", "--large-edit", "0",
            "--readers", "3", "--initial");
    assertThat(o.nodes()).isEqualTo(100_000);
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.typicalSamples()).isEqualTo(500);
    assertThat(o.mostSharedSamples()).isEqualTo(50);
    assertThat(o.mostSharedTargets()).isEqualTo(4);
    assertThat(o.warmup()).isEqualTo(20);
    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(o.pageCacheBytes()).isEqualTo(2L << 30);
    assertThat(o.batchSize()).isEqualTo(2_000);
    assertThat(o.commitEvery()).isEqualTo(1_000);
    assertThat(o.maxHops()).isEqualTo(12);
    assertThat(o.output()).isEqualTo(Path.of("r.json"));
    assertThat(o.keepData()).isTrue();
    assertThat(o.initialLoad()).isTrue();
    assertThat(o.writePath()).isEqualTo(new WritePathOptions(false, 0.02, 0, 3));
    assertThat(parse()).isEqualTo(BenchOptions.defaults());
    assertThat(parse("--edit", "0.005", "--large-edit", "10%").writePath())
        .isEqualTo(new WritePathOptions(true, 0.005, 0.1, 4));
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> parse("--nodez", "5")).isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--nodes")).isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--nodes", "lots")).isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--nodes", "10")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("--max-hops", "3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("--edit", "0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("--large-edit", "150%")).isInstanceOf(IllegalArgumentException.class);
  }
}
