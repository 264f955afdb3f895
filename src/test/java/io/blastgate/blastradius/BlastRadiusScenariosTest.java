package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.SharedSecret;
import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.error.BlastgateException.NotATarget;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every named scenario of fixtures/scenarios, imported through the real importer into a real Neo4j, and
 * every target its expected.json names: the answer must be exactly the expected one (graph-model/README.md).
 */
@ExtendWith(TestGraph.class)
class BlastRadiusScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyScenarioGivesExactlyItsExpectedAnswer() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("fixtures/scenarios"))) {
      for (Path dir : dirs.sorted().toList()) {
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        for (Engine engine : Engine.values()) {
          expected
              .get("targets")
              .properties()
              .forEach(
                  e ->
                      tests.add(
                          DynamicTest.dynamicTest(
                              dir.getFileName() + " " + e.getKey() + " (" + engine + ")",
                              () -> check(dir, e.getKey(), e.getValue(), engine))));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(2 * 7);
    return tests.stream();
  }

  private static void check(Path dir, String target, JsonNode want, Engine engine) {
    TestGraph.clear();
    Graph graph = TestGraph.connection().graph();
    load(graph, dir.resolve("bundle.json"));
    BlastRadius got = new BlastRadiusService(graph, 50, engine).compute(target);

    Map<String, Integer> hops = new TreeMap<>();
    got.impacted().forEach(w -> hops.put(w.id(), w.hops()));
    Map<String, Integer> wantHops = new TreeMap<>();
    want.get("impacted").properties().forEach(f -> wantHops.put(f.getKey(), f.getValue().asInt()));
    assertThat(hops).as("impacted workloads with hops").isEqualTo(wantHops);

    // Why: the via of each impacted workload, written by hand from the bundle (graph-model/README.md,
    // "Why: via"), the target first and the workload last.
    Map<String, String> via = new TreeMap<>();
    got.impacted().forEach(w -> via.put(w.id(), written(w.via())));
    Map<String, String> wantVia = new TreeMap<>();
    want.get("via").properties().forEach(f -> wantVia.put(f.getKey(), f.getValue().asText()));
    assertThat(via).as("via of each impacted workload").isEqualTo(wantVia);
    got.impacted()
        .forEach(
            w -> {
              assertThat(w.via().getLast().name()).as("name at the end of the via of %s", w.id()).isEqualTo(w.name());
              w.via().forEach(step -> assertThat(step.label()).as("label of %s", step.id()).isEqualTo(labelOf(step.id())));
            });

    var s = got.summary();
    assertThat(s.direct()).as("direct").isEqualTo(want.get("direct").asInt());
    assertThat(s.total()).as("total").isEqualTo(want.get("total").asInt());
    JsonNode deepest = want.get("deepest_hops");
    assertThat(s.deepestHops()).as("deepest").isEqualTo(deepest.isNull() ? null : deepest.asInt());
    JsonNode c = want.get("by_criticality");
    assertThat(List.of(
            s.byCriticality().critical(),
            s.byCriticality().high(),
            s.byCriticality().medium(),
            s.byCriticality().low(),
            s.byCriticality().unknown()))
        .as("by criticality")
        .isEqualTo(List.of(
            c.get("critical").asInt(),
            c.get("high").asInt(),
            c.get("medium").asInt(),
            c.get("low").asInt(),
            c.get("unknown").asInt()));
    assertThat(s.unowned()).as("unowned").isEqualTo(want.get("unowned").asInt());
    assertThat(s.teams()).as("teams").isEqualTo(strings(want.get("teams")));
    assertThat(s.environments()).as("environments").isEqualTo(strings(want.get("environments")));
    assertThat(got.truncated()).isFalse();

    if (want.has("dependent_identities")) {
      Map<String, Integer> depths = new TreeMap<>();
      got.dependentIdentities().forEach(d -> depths.put(d.id(), d.depth()));
      Map<String, Integer> wantDepths = new TreeMap<>();
      want.get("dependent_identities")
          .properties()
          .forEach(f -> wantDepths.put(f.getKey(), f.getValue().asInt()));
      assertThat(depths).as("dependent identities").isEqualTo(wantDepths);
      assertThat(depths).as("the target is not among its own dependents").doesNotContainKey(target);
      Map<String, String> chains = new TreeMap<>();
      got.dependentIdentities().forEach(d -> chains.put(d.id(), written(d.via())));
      Map<String, String> wantChains = new TreeMap<>();
      want.get("dependent_via").properties().forEach(f -> wantChains.put(f.getKey(), f.getValue().asText()));
      assertThat(chains).as("CAN_ASSUME chain of each dependent identity").isEqualTo(wantChains);
    } else {
      assertThat(got.dependentIdentities()).isEmpty();
    }

    JsonNode wantReach = want.get("shared_secrets");
    Map<String, SharedSecret> reach =
        got.sharedSecrets().stream().collect(Collectors.toMap(r -> r.credential().id(), r -> r));
    Map<String, JsonNode> wantReachById = new TreeMap<>();
    if (wantReach != null) {
      wantReach.properties().forEach(f -> wantReachById.put(f.getKey(), f.getValue()));
    }
    assertThat(new TreeSet<>(reach.keySet())).as("credentials reached").isEqualTo(wantReachById.keySet());
    wantReachById.forEach(
        (id, w) -> {
          SharedSecret r = reach.get(id);
          assertThat(r.consumers()).as("consumers of %s", id).isEqualTo(strings(w.get("consumers")));
          assertThat(r.consumerCount()).isEqualTo(w.get("consumers").size());
          assertThat(r.teams()).as("teams of %s", id).isEqualTo(strings(w.get("teams")));
          assertThat(r.environments()).as("environments of %s", id).isEqualTo(strings(w.get("environments")));
          assertThat(r.shared()).as("shared %s", id).isEqualTo(w.get("shared").asBoolean());
        });
    assertThat(s.sharedSecret()).isEqualTo(reach.values().stream().anyMatch(SharedSecret::shared));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void ownersAndTeamsOfEachImpactedWorkloadInTheWorkedExample(Engine engine, Graph graph) {
    load(graph, Path.of("fixtures/scenarios/worked-example/bundle.json"));
    BlastRadius got = new BlastRadiusService(graph, 50, engine).compute("cred:stripe-key");
    Map<String, ImpactedWorkload> byId =
        got.impacted().stream().collect(Collectors.toMap(ImpactedWorkload::id, w -> w));
    assertThat(byId.get("wl:checkout").teams()).containsExactly("team:payments");
    assertThat(byId.get("wl:checkout").criticality()).isEqualTo("critical");
    assertThat(byId.get("wl:checkout").environment()).isEqualTo("prod");
    assertThat(byId.get("wl:storefront").teams()).containsExactly("team:web");
    assertThat(byId.get("wl:reports").unowned()).isTrue();
    assertThat(byId.get("wl:reports").owners()).isEmpty();
    assertThat(got.target().label()).isEqualTo(io.blastgate.model.Label.CREDENTIAL);
    assertThat(got.sources()).extracting(BlastRadius.SourceFreshness::source).contains("scenario-worked-example");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aChainLongerThanTheBoundIsReportedTruncatedNeverSilentlyCut(
      Engine engine, Graph graph, @TempDir Path dir)
      throws IOException {
    // wl:0 <- wl:1 <- ... <- wl:12 : twelve DEPENDS_ON hops above the credential's only consumer.
    load(graph, chain(dir, 13));
    BlastRadius bounded = new BlastRadiusService(graph, 10, engine).compute("cred:chain");
    assertThat(bounded.truncated()).isTrue();
    assertThat(bounded.summary().deepestHops()).isEqualTo(10);

    BlastRadius enough = new BlastRadiusService(graph, 12, engine).compute("cred:chain");
    assertThat(enough.truncated()).isFalse();
    assertThat(enough.summary().total()).isEqualTo(13);
    assertThat(enough.summary().deepestHops()).isEqualTo(12);
  }

  @Test
  void theBoundIsAtLeastTenHops(Graph graph) {
    assertThatThrownBy(() -> new BlastRadiusService(graph, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 10");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void unknownTargetsAndOwnersAreRefusedClearly(Engine engine, Graph graph) {
    load(graph, Path.of("fixtures/scenarios/worked-example/bundle.json"));
    BlastRadiusService service = new BlastRadiusService(graph, 50, engine);
    assertThatThrownBy(() -> service.compute("cred:nope"))
        .isInstanceOf(UnknownEntity.class)
        .hasMessageContaining("cred:nope");
    assertThatThrownBy(() -> service.compute("team:payments"))
        .isInstanceOf(NotATarget.class)
        .hasMessageContaining("Owner");
  }

  /** A via as the expected files write it: {@code cred:x <-USES- wl:a <-DEPENDS_ON- wl:b}. */
  static String written(List<BlastRadius.Step> via) {
    StringBuilder out = new StringBuilder();
    for (BlastRadius.Step step : via) {
      if (step.relationship() != null) {
        assertThat(step.direction()).isEqualTo(BlastRadius.Direction.TOWARD_TARGET);
        out.append(" <-").append(step.relationship().name()).append("- ");
      }
      out.append(step.id());
    }
    return out.toString();
  }

  /** The label the scenarios' ids say: id:, cred:, wl:. */
  private static io.blastgate.model.Label labelOf(String id) {
    return id.startsWith("id:")
        ? io.blastgate.model.Label.IDENTITY
        : id.startsWith("cred:") ? io.blastgate.model.Label.CREDENTIAL : io.blastgate.model.Label.WORKLOAD;
  }

  static void load(Graph graph, Path bundle) {
    ImportReport report =
        new Importer(graph, ImportSettings.defaults())
            .importPath(bundle, Optional.empty(), ImportProgress.none());
    assertThat(report.errors()).as("import errors of %s", bundle).isEmpty();
    assertThat(report.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
  }

  private static Path chain(Path dir, int n) throws IOException {
    StringBuilder workloads = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        workloads.append(",\n");
      }
      workloads.append(
          "{\"id\":\"wl:"
              + i
              + "\",\"kind\":\"service\""
              + (i == 0 ? ",\"uses\":[\"cred:chain\"]" : ",\"depends_on\":[\"wl:" + (i - 1) + "\"]")
              + "}");
    }
    String bundle =
        "{\"format\":\"blastgate.bundle/v1\",\"source\":\"chain\","
            + "\"identities\":[{\"id\":\"id:chain\",\"kind\":\"service_account\"}],"
            + "\"credentials\":[{\"id\":\"cred:chain\",\"kind\":\"api_token\",\"authenticates_as\":\"id:chain\"}],"
            + "\"workloads\":["
            + workloads
            + "]}";
    Path file = dir.resolve("chain.json");
    Files.writeString(file, bundle);
    return file;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
