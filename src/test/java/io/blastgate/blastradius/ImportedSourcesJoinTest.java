package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blast radii over what the real-format importers write: a service account's deployments from the
 * microservices-demo manifests, and a Kubernetes Secret whose blast radius reaches, through a
 * workload's {@code backstage.io/kubernetes-id} label, the Backstage component it runs and the
 * component's team (the catalog and the manifests imported as two sources, joined on ids).
 */
@ExtendWith(TestGraph.class)
class ImportedSourcesJoinTest {
  private static final String MANIFESTS = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: checkout
        namespace: shop
        annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/checkout"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: checkout
        namespace: shop
        labels: {backstage.io/kubernetes-id: checkout}
      spec:
        template:
          spec:
            serviceAccountName: checkout
            containers:
            - name: app
              env: [{name: STRIPE, valueFrom: {secretKeyRef: {name: stripe-key, key: k}}}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: refunds, namespace: shop, labels: {team: payments}}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers: [{name: job, envFrom: [{secretRef: {name: stripe-key}}]}]
      """;

  private static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: payments}
      spec: {type: team, profile: {displayName: Payments}, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: jdoe}
      spec: {memberOf: [payments]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: checkout}
      spec: {type: service, lifecycle: production, owner: user:jdoe}
      """;

  @TempDir Path dir;

  /** Imported with the format recognised and its defaults: the cluster is named after the input. */
  private static ImportReport load(Graph graph, Path path) {
    ImportReport report = new Importer(graph, ImportSettings.defaults()).importPath(path, Optional.empty(),
        ImportProgress.none());
    assertThat(report.errors()).as("import errors of %s", path).isEmpty();
    return report;
  }

  @Test
  void aServiceAccountsBlastRadiusListsTheDeploymentsThatRunAsIt(Graph graph) {
    load(graph, Path.of("importers/kubernetes/samples/GoogleCloudPlatform__microservices-demo/release"));

    BlastRadius radius = new BlastRadiusService(graph, 50).compute("k8s:release/default/serviceaccount/checkoutservice");

    assertThat(radius.impacted()).extracting(BlastRadius.ImpactedWorkload::id, BlastRadius.ImpactedWorkload::hops)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("k8s:release/default/deployment/checkoutservice", 0));
  }

  @Test
  void aSecretsBlastRadiusReachesTheCatalogsComponentAndItsTeamWhateverTheOrderOfTheImports(Graph graph)
      throws IOException {
    Path manifests = Files.writeString(dir.resolve("prod.yaml"), MANIFESTS);
    Path catalog = Files.writeString(dir.resolve("catalog-info.yaml"), CATALOG);
    ImportReport k8s = load(graph, manifests);
    ImportReport backstage = load(graph, catalog);
    assertThat(k8s.format()).isEqualTo("kubernetes");
    assertThat(backstage.format()).isEqualTo("backstage");

    BlastRadius radius = new BlastRadiusService(graph, 50).compute("k8s:prod/shop/secret/stripe-key");

    Map<String, Integer> hops = new TreeMap<>();
    radius.impacted().forEach(w -> hops.put(w.id(), w.hops()));
    assertThat(hops).isEqualTo(Map.of("k8s:prod/shop/deployment/checkout", 0, "k8s:prod/shop/cronjob/refunds", 0,
        "component:checkout", 1));
    BlastRadius.ImpactedWorkload component = radius.impacted().stream()
        .filter(w -> w.id().equals("component:checkout")).findFirst().orElseThrow();
    assertThat(component.environment()).isEqualTo("prod");
    assertThat(component.owners()).isNotEmpty();
    assertThat(radius.summary().teams()).containsExactly("team:payments");
    assertThat(radius.summary().sharedSecret()).isTrue();
    assertThat(sources("component:checkout")).containsExactlyInAnyOrder("catalog-info", "prod");

    // The role an annotation names: disabling it breaks the deployment through the account that assumes it.
    BlastRadius role = new BlastRadiusService(graph, 50).compute("arn:aws:iam::123456789012:role/checkout");
    assertThat(role.dependentIdentities()).extracting(BlastRadius.DependentIdentity::id)
        .containsExactly("k8s:prod/shop/serviceaccount/checkout");
    assertThat(role.impacted()).extracting(BlastRadius.ImpactedWorkload::id)
        .containsExactlyInAnyOrder("k8s:prod/shop/deployment/checkout", "component:checkout");

    // Imported the other way round, the graph joins the same.
    TestGraph.clear();
    load(graph, catalog);
    load(graph, manifests);
    BlastRadius again = new BlastRadiusService(graph, 50).compute("k8s:prod/shop/secret/stripe-key");
    assertThat(again.impacted()).hasSize(3);
    assertThat(again.summary().teams()).containsExactly("team:payments");
  }

  private static List<String> sources(String id) {
    return TestGraph.database().executeTransactionally("MATCH (n:Entity {id: $id}) RETURN n.sources AS s",
        Map.of("id", id), r -> List.of((String[]) r.next().get("s")));
  }
}
