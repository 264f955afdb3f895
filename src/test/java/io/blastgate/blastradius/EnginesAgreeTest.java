package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.bench.GeneratedOrg;
import io.blastgate.bench.OrgSpec;
import io.blastgate.bench.SyntheticOrg;
import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's procedure and the Cypher queries must give the same answer, field for field, on a
 * synthetic organisation large enough to hold role chains, shared secrets, cycles, decommissioned
 * workloads and answers deeper than the bound. The scenarios test holds both to the hand-made oracle;
 * this one holds them to each other where no oracle is written by hand.
 */
@ExtendWith(TestGraph.class)
class EnginesAgreeTest {
  private static final Instant SAME_TIME = Instant.EPOCH;

  @Test
  void pluginAndCypherGiveTheSameAnswerForEveryTargetOfASyntheticOrganisation(
      Graph graph, @TempDir Path dir) {
    GeneratedOrg org =
        SyntheticOrg.write(new OrgSpec(11, 6_000, 300, 10), dir.resolve("org.json"));
    BlastRadiusScenariosTest.load(graph, org.bundle());
    List<String> targets = new ArrayList<>(org.typicalTargets());
    targets.addAll(org.mostSharedTargets());

    int compared = 0;
    int truncated = 0;
    int deep = 0;
    int largest = 0;
    for (int maxHops : new int[] {50, 10}) {
      var plugin = new BlastRadiusService(graph, maxHops, Engine.PLUGIN, fixed());
      var cypher = new BlastRadiusService(graph, maxHops, Engine.CYPHER, fixed());
      for (String id : targets) {
        BlastRadius a = plugin.compute(id);
        BlastRadius b = cypher.compute(id);
        String what = id + " with max hops " + maxHops;
        // Part by part first, so that a difference is shown small; then the whole.
        assertThat(a.target()).as("target of %s", what).isEqualTo(b.target());
        assertThat(a.truncated()).as("truncated of %s", what).isEqualTo(b.truncated());
        assertThat(a.dependentIdentities()).as("dependents of %s", what).isEqualTo(b.dependentIdentities());
        assertThat(a.summary()).as("summary of %s", what).isEqualTo(b.summary());
        for (int i = 0; i < a.impacted().size(); i++) {
          assertThat(a.impacted().get(i)).as("impacted #%d of %s", i, what).isEqualTo(b.impacted().get(i));
        }
        assertThat(a.sharedSecrets()).as("shared secrets of %s", what).isEqualTo(b.sharedSecrets());
        assertThat(a.sources()).as("sources of %s", what).isEqualTo(b.sources());
        assertThat(a).as(what).isEqualTo(b);
        compared++;
        truncated += a.truncated() ? 1 : 0;
        deep += a.summary().deepestHops() != null && a.summary().deepestHops() >= 5 ? 1 : 0;
        largest = Math.max(largest, a.summary().total());
      }
    }
    assertThat(compared).isEqualTo(2 * targets.size());
    // The comparison means something only if the answers are varied: deep ones, truncated ones, and
    // large ones.
    assertThat(deep).as("answers 5 or more hops deep").isGreaterThan(10);
    assertThat(truncated).as("answers cut by a bound of 10 hops").isGreaterThan(0);
    assertThat(largest).as("the largest answer").isGreaterThan(300);
  }

  private static java.time.Clock fixed() {
    return java.time.Clock.fixed(SAME_TIME, java.time.ZoneOffset.UTC);
  }
}
