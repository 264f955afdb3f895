package io.blastgate.blastradius;

import static io.blastgate.blastradius.BlastRadiusScenariosTest.load;
import static io.blastgate.blastradius.BlastRadiusScenariosTest.written;
import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.SourceFreshness;
import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, point 6, beyond the scenarios' oracle: a bound below the safety bound answers honestly,
 * the sources are those that assert something in the answer, and a dependent identity's chain.
 */
@ExtendWith(TestGraph.class)
class BlastRadiusWhyTest {
  private static final Path WORKED = Path.of("fixtures/scenarios/worked-example/bundle.json");
  private static final Path CYCLE = Path.of("fixtures/scenarios/dependency-cycle/bundle.json");
  private static final Path ROLES = Path.of("fixtures/scenarios/role-chain/bundle.json");

  @ParameterizedTest
  @EnumSource(Engine.class)
  void directImpactOnlyIsTheDirectWorkloadsAndSaysTruncated(Engine engine, Graph graph) {
    load(graph, WORKED);
    BlastRadiusService service = new BlastRadiusService(graph, 50, engine);

    BlastRadius direct = service.compute("cred:stripe-key", 0);
    assertThat(direct.impacted()).extracting(ImpactedWorkload::id).containsExactly("wl:checkout", "wl:refunds");
    assertThat(direct.truncated()).as("storefront and reports lie beyond").isTrue();
    assertThat(direct.maxHops()).isZero();
    assertThat(written(direct.impacted().get(0).via())).isEqualTo("cred:stripe-key <-USES- wl:checkout");

    BlastRadius oneHop = service.compute("cred:stripe-key", 1);
    assertThat(oneHop.impacted()).extracting(ImpactedWorkload::id)
        .containsExactly("wl:checkout", "wl:refunds", "wl:storefront");
    assertThat(oneHop.truncated()).as("reports lies beyond").isTrue();

    BlastRadius enough = service.compute("cred:stripe-key", 2);
    assertThat(enough.summary().total()).isEqualTo(4);
    assertThat(enough.truncated()).as("nothing lies beyond two hops").isFalse();

    Assertions.assertThatThrownBy(() -> service.compute("cred:stripe-key", -1))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("max hops must be at least 0, was -1");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBoundBelowTheSafetyBoundCutsCanAssumeChainsHonestlyToo(Engine engine, Graph graph) {
    load(graph, ROLES);
    BlastRadius got = new BlastRadiusService(graph, 50, engine).compute("id:z", 1);
    assertThat(got.dependentIdentities()).extracting(BlastRadius.DependentIdentity::id).containsExactly("id:y");
    assertThat(written(got.dependentIdentities().get(0).via())).isEqualTo("id:z <-CAN_ASSUME- id:y");
    assertThat(got.truncated()).as("id:x assumes into id:y, beyond the bound").isTrue();
    assertThat(got.impacted()).extracting(ImpactedWorkload::id).doesNotContain("wl:release-pipeline");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void sourcesAreThoseThatAssertSomethingInTheAnswer(Engine engine, Graph graph) {
    load(graph, WORKED);
    load(graph, CYCLE);
    BlastRadiusService service = new BlastRadiusService(graph, 50, engine);

    assertThat(service.compute("cred:stripe-key").sources())
        .extracting(SourceFreshness::source)
        .containsExactly("scenario-worked-example");
    assertThat(service.compute("id:stripe-sa").sources())
        .extracting(SourceFreshness::source)
        .containsExactly("scenario-worked-example");
    assertThat(service.compute("wl:a").sources())
        .extracting(SourceFreshness::source)
        .containsExactly("scenario-dependency-cycle");
    assertThat(service.compute("wl:a").sources().get(0).lastSynced()).isNotNull();
  }
}
