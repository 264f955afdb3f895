package io.blastgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.bench.ScannedBundle.Entity;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generator: determinism, sizes, the shape the benchmark relies on, and a valid bundle. */
class SyntheticOrgTest {
  private static final int NODES = 20_000;
  private static GeneratedOrg org;
  private static ScannedBundle bundle;

  @BeforeAll
  static void generate(@TempDir Path dir) {
    org = SyntheticOrg.write(OrgSpec.of(42, NODES), dir.resolve("org.json"));
    bundle = ScannedBundle.read(org.bundle());
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
    GeneratedOrg again = SyntheticOrg.write(OrgSpec.of(42, NODES), dir.resolve("again.json"));
    GeneratedOrg other = SyntheticOrg.write(OrgSpec.of(43, NODES), dir.resolve("other.json"));

    assertThat(sha256(again.bundle())).isEqualTo(sha256(org.bundle()));
    assertThat(sha256(again.targetsFile())).isEqualTo(sha256(org.targetsFile()));
    assertThat(again).usingRecursiveComparison().ignoringFields("bundle", "targetsFile").isEqualTo(org);
    assertThat(sha256(other.bundle())).isNotEqualTo(sha256(org.bundle()));
  }

  @Test
  void theBundleFollowsTheBundleRules() {
    assertThat(bundle.problems).isEmpty();
    assertThat(bundle.root.get("source").asText()).isEqualTo("synthetic-org");
  }

  @ParameterizedTest
  @ValueSource(ints = {OrgSpec.MIN_NODES, 5_000, 12_345})
  void everySizeHasExactlyItsNodesAndIsValid(int nodes, @TempDir Path dir) {
    GeneratedOrg small = SyntheticOrg.write(OrgSpec.of(1, nodes), dir.resolve("o.json"));
    ScannedBundle scanned = ScannedBundle.read(small.bundle());

    assertThat(scanned.problems).isEmpty();
    assertThat(small.entityCount()).isEqualTo(nodes);
    assertThat(scanned.entities).hasSize(nodes);
    assertThat((double) small.relationshipCount() / nodes).isBetween(2.0, 3.0);
  }

  @Test
  void refusesSizesItCannotShape() {
    assertThatThrownBy(() -> OrgSpec.of(1, OrgSpec.MIN_NODES - 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCountsItReportsAreWhatTheFileHolds() {
    for (Label label : Label.values()) {
      assertThat(org.entities().get(label)).as(label.name()).isEqualTo(bundle.of(label).size());
    }
    for (RelType type : RelType.values()) {
      assertThat(org.relationships().get(type)).as(type.name()).isEqualTo(bundle.edges(type).size());
    }
    assertThat(org.bytes()).isPositive();
  }

  @Test
  void nonHumanIdentitiesOutnumberHumansAboutTwentyToOne() {
    Map<String, Integer> kinds = bundle.histogram(Label.IDENTITY, "kind");
    int humans = kinds.get("human");
    int all = bundle.of(Label.IDENTITY).size();
    assertThat((double) (all - humans) / humans).isBetween(19.0, 21.0);
    assertThat(kinds).containsOnlyKeys("human", "service_account", "role", "application", "ai_agent");
    assertThat(bundle.histogram(Label.OWNER, "kind").get("person")).isEqualTo(humans);
  }

  @Test
  void teamsHaveAboutFiftyWorkloadsAndPersonsBelongToTeams() {
    int workloads = bundle.of(Label.WORKLOAD).size();
    int teams = bundle.histogram(Label.OWNER, "kind").get("team");
    assertThat((double) workloads / teams).isBetween(45.0, 55.0);
    for (Entity person : bundle.of(Label.OWNER)) {
      if (person.kind().equals("person")) {
        assertThat(person.refs("member_of")).hasSizeBetween(1, 2);
      }
    }
  }

  @Test
  void everyWorkloadRunsAsOneIdentityAndEveryCredentialAuthenticatesAsOne() {
    assertThat(bundle.of(Label.WORKLOAD)).allSatisfy(w -> assertThat(w.refs("runs_as")).hasSize(1));
    assertThat(bundle.of(Label.CREDENTIAL))
        .allSatisfy(c -> assertThat(c.refs("authenticates_as")).hasSize(1));
  }

  @Test
  void aFewPercentAreUnownedOrDecommissioned() {
    Set<String> owned = new HashSet<>();
    bundle.edges(RelType.OWNS).forEach(e -> owned.add(e[1]));
    List<Entity> workloads = bundle.of(Label.WORKLOAD);
    double unowned = workloads.stream().filter(w -> !owned.contains(w.id())).count();
    assertThat(unowned / workloads.size()).isBetween(0.01, 0.06);
    double decommissioned = bundle.histogram(Label.WORKLOAD, "status").get("decommissioned");
    assertThat(decommissioned / workloads.size()).isBetween(0.005, 0.04);
    assertThat(bundle.histogram(Label.WORKLOAD, "criticality"))
        .containsKeys("critical", "high", "medium", "low", "null");
    assertThat(bundle.histogram(Label.WORKLOAD, "environment")).containsKeys("prod", "staging", "dev");
  }

  @Test
  void mostCredentialsHaveOneConsumerAndAFewAreSharedWidely() {
    Map<String, Integer> consumers = consumersPerCredential();
    long used = consumers.size();
    long single = consumers.values().stream().filter(n -> n == 1).count();
    assertThat((double) single / used).isGreaterThan(0.9);

    int top = consumers.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(consumers.get(org.mostSharedTargets().get(0))).isEqualTo(top);
    assertThat(org.mostSharedConsumers()).isSortedAccordingTo((a, b) -> b - a);
    for (int i = 0; i < org.mostSharedTargets().size(); i++) {
      assertThat(consumers.get(org.mostSharedTargets().get(i)))
          .isEqualTo(org.mostSharedConsumers().get(i));
    }
    assertThat(top).isGreaterThan(20 * org.mostSharedConsumers().get(9) / 10);
  }

  @Test
  void atAMillionNodesTheMostSharedSecretHasAThousandConsumers() {
    OrgShape shape = new OrgShape(42, 1_000_000);
    assertThat(shape.consumerCount(0)).isGreaterThanOrEqualTo(1_000);
    assertThat(shape.consumerCount(4)).isGreaterThanOrEqualTo(100);
    assertThat(shape.consumerCount(shape.sharedCredentials - 1)).isLessThan(10);
  }

  @Test
  void rolesFormAssumeChainsTwoToFourDeep() {
    Map<String, List<String>> next = new HashMap<>();
    bundle.edges(RelType.CAN_ASSUME).forEach(e -> next.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]));
    int deepest = 0;
    for (Entity role : bundle.of(Label.IDENTITY)) {
      int depth = 0;
      for (String r = role.id(); next.containsKey(r) && r.startsWith("id:role:"); depth++) {
        r = next.get(r).get(0);
      }
      deepest = Math.max(deepest, depth);
    }
    assertThat(deepest).isEqualTo(3);
    assertThat(bundle.histogram(Label.IDENTITY, "kind").get("role")).isPositive();
  }

  @Test
  void dependenciesAreLayeredSeveralLevelsDeepWithAFewCycles() {
    OrgShape shape = new OrgShape(42, NODES);
    for (int w = 0; w < shape.workloads; w++) {
      assertThat(shape.place(w).layers()).isBetween(5, 8);
    }
    Map<String, List<String>> dependants = new HashMap<>();
    Map<String, List<String>> dependencies = new HashMap<>();
    for (String[] e : bundle.edges(RelType.DEPENDS_ON)) {
      dependants.computeIfAbsent(e[1], k -> new ArrayList<>()).add(e[0]);
      dependencies.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
    }
    int deepest = 0;
    int cyclic = 0;
    for (String w : dependants.keySet()) {
      Map<String, Integer> depth = bfs(w, dependants);
      deepest = Math.max(deepest, depth.values().stream().mapToInt(Integer::intValue).max().orElse(0));
      if (depth.keySet().stream().anyMatch(u -> dependencies.getOrDefault(w, List.of()).contains(u))) {
        cyclic++;
      }
    }
    assertThat(deepest).isGreaterThanOrEqualTo(5);
    assertThat(cyclic).isPositive();
    assertThat((double) cyclic / shape.workloads).isLessThan(0.05);
  }

  @Test
  void targetsAreDistinctExistingAndDisjoint() throws IOException {
    assertThat(org.typicalTargets()).hasSize(2_000).doesNotHaveDuplicates();
    assertThat(org.typicalTargets()).doesNotContainAnyElementsOf(org.mostSharedTargets());
    assertThat(org.typicalTargets())
        .allSatisfy(id -> assertThat(bundle.entities.get(id).label()).isNotEqualTo(Label.OWNER));
    assertThat(org.mostSharedTargets()).hasSize(10)
        .allSatisfy(id -> assertThat(bundle.entities.get(id).label()).isEqualTo(Label.CREDENTIAL));
    Set<Label> labels = new HashSet<>();
    org.typicalTargets().forEach(id -> labels.add(bundle.entities.get(id).label()));
    assertThat(labels).containsExactlyInAnyOrder(Label.IDENTITY, Label.CREDENTIAL, Label.WORKLOAD);

    JsonNode file = new ObjectMapper().readTree(org.targetsFile().toFile());
    assertThat(file.get("typical")).hasSize(2_000);
    assertThat(file.get("typical").get(0).asText()).isEqualTo(org.typicalTargets().get(0));
    assertThat(file.get("most_shared").get(0).get("id").asText()).isEqualTo(org.mostSharedTargets().get(0));
    assertThat(file.get("most_shared").get(0).get("consumers").asInt())
        .isEqualTo(org.mostSharedConsumers().get(0));
  }

  private static Map<String, Integer> consumersPerCredential() {
    Map<String, Integer> out = new HashMap<>();
    bundle.edges(RelType.USES).forEach(e -> out.merge(e[1], 1, Integer::sum));
    return out;
  }

  private static Map<String, Integer> bfs(String start, Map<String, List<String>> next) {
    Map<String, Integer> depth = new HashMap<>(Map.of(start, 0));
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String x = queue.poll();
      for (String y : next.getOrDefault(x, List.of())) {
        if (depth.putIfAbsent(y, depth.get(x) + 1) == null) {
          queue.add(y);
        }
      }
    }
    return depth;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
