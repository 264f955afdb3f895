package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.bench.BenchOptions;
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
            "--commit-every", "0", "--max-hops", "12", "--out", "r.json", "--keep-data",
            "--most-shared-targets", "4", "--initial");
    assertThat(o.nodes()).isEqualTo(100_000);
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.typicalSamples()).isEqualTo(500);
    assertThat(o.mostSharedSamples()).isEqualTo(50);
    assertThat(o.mostSharedTargets()).isEqualTo(4);
    assertThat(o.warmup()).isEqualTo(20);
    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(o.pageCacheBytes()).isEqualTo(2L << 30);
    assertThat(o.batchSize()).isEqualTo(2_000);
    assertThat(o.commitEvery()).isZero();
    assertThat(o.maxHops()).isEqualTo(12);
    assertThat(o.output()).isEqualTo(Path.of("r.json"));
    assertThat(o.keepData()).isTrue();
    assertThat(o.initialLoad()).isTrue();
    assertThat(parse()).isEqualTo(BenchOptions.defaults());
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> parse("--nodez", "5")).isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--nodes")).isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--nodes", "lots")).isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--nodes", "10")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("--max-hops", "3")).isInstanceOf(IllegalArgumentException.class);
  }
}
