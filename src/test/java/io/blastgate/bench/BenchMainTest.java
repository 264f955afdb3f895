package io.blastgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  @Test
  void readsEveryOptionAndKeepsDefaultsForTheRest() {
    BenchOptions o =
        BenchMain.parse(
            "--nodes", "100k", "--seed", "7", "--typical", "500", "--most-shared", "50",
            "--warmup", "20", "--data-dir", "/tmp/x", "--page-cache", "2g", "--batch-size", "2_000",
            "--commit-every", "0", "--max-hops", "12", "--out", "r.json", "--keep-data",
            "--most-shared-targets", "4");

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
    assertThat(BenchMain.parse()).isEqualTo(BenchOptions.defaults());
    assertThat(BenchMain.number("1m")).isEqualTo(1_000_000);
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThat(BenchMain.parse("--help")).isNull();
    assertThatThrownBy(() -> BenchMain.parse("--nodez", "5")).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> BenchMain.parse("--nodes")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BenchMain.parse("--nodes", "lots")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> BenchMain.parse("--nodes", "10")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchMain.parse("--max-hops", "3")).isInstanceOf(IllegalArgumentException.class);
  }
}
