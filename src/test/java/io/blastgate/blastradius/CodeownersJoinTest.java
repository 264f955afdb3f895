package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportMessage;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportWithOptions;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * CODEOWNERS joined to the workloads of a Backstage catalog and of Kubernetes manifests whose
 * annotations say where their code lives: a shared Secret's blast radius names the CODEOWNERS teams; a
 * re-import writes nothing, a changed file moves ownership, a broken one changes nothing, and a file
 * imported before the workloads joins once imported again.
 */
@ExtendWith(TestGraph.class)
class CodeownersJoinTest {
  private static final String REPO = "github.com/acme/shop";

  private static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: web}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: payments}
      spec: {type: team, profile: {displayName: Payments}, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: checkout
        annotations: {backstage.io/source-location: "url:https://github.com/acme/shop/tree/main/services/checkout/"}
      spec: {type: service, lifecycle: production, owner: group:web}
      """;

  private static final String MANIFESTS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: checkout
        namespace: shop
        labels: {backstage.io/kubernetes-id: checkout}
      spec:
        template:
          spec:
            containers: [{name: app, envFrom: [{secretRef: {name: stripe-key}}]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: refunds
        namespace: shop
        annotations: {blastgate.io/repository: "https://github.com/acme/shop/tree/main/jobs/refunds"}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers: [{name: job, envFrom: [{secretRef: {name: stripe-key}}]}]
      """;

  private static final String CODEOWNERS = """
      # Acme shop
      *                   @acme/platform
      /services/checkout/ @acme/payments
      /jobs/              @acme/billing ops@acme.example
      /docs/              @acme/writers
      """;

  @TempDir Path dir;

  private static ImportReport load(Graph graph, Path path, Map<String, String> options) {
    return ImportWithOptions.load(graph, path, options);
  }

  private ImportReport codeowners(Graph graph, String text) throws IOException {
    Files.createDirectories(dir.resolve("shop"));
    return load(graph, Files.writeString(dir.resolve("shop/CODEOWNERS"), text), Map.of("repository", REPO));
  }

  private void workloads(Graph graph) throws IOException {
    assertThat(load(graph, Files.writeString(dir.resolve("catalog-info.yaml"), CATALOG), Map.of()).errors()).isEmpty();
    assertThat(load(graph, Files.writeString(dir.resolve("prod.yaml"), MANIFESTS), Map.of()).errors()).isEmpty();
  }

  private static Set<String> teamsOfTheSecret(Graph graph) {
    return new TreeSet<>(new BlastRadiusService(graph, 50).compute("k8s:prod/shop/secret/stripe-key").summary().teams());
  }

  private static Set<List<String>> owns() {
    return TestGraph.database().executeTransactionally("MATCH (o:Owner)-[r:OWNS]->(w) WHERE 'codeowners:github.com:"
        + "acme:shop' IN r.sources RETURN o.id AS o, w.id AS w", Map.of(), result -> {
          Set<List<String>> rows = new TreeSet<>(java.util.Comparator.comparing(List::toString));
          result.forEachRemaining(r -> rows.add(List.of((String) r.get("o"), (String) r.get("w"))));
          return rows;
        });
  }

  @Test
  void aSharedSecretsBlastRadiusNamesTheTeamsThatOwnTheCodeOfItsWorkloads(Graph graph) throws IOException {
    workloads(graph);
    assertThat(teamsOfTheSecret(graph)).containsExactly("team:web");

    ImportReport report = codeowners(graph, CODEOWNERS);

    assertThat(report.errors()).isEmpty();
    assertThat(owns()).containsExactlyInAnyOrder(List.of("team:payments", "component:checkout"),
        List.of("team:billing", "k8s:prod/shop/cronjob/refunds"),
        List.of("person:ops@acme.example", "k8s:prod/shop/cronjob/refunds"));
    assertThat(teamsOfTheSecret(graph)).containsExactly("team:billing", "team:payments", "team:web");
    assertThat(report.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).startsWith("joined 2 of the 2 workloads in the graph whose code is in " + REPO
            + " to their owners (3 OWNS)"))
        .anySatisfy(m -> assertThat(m).isEqualTo("2 rules own no workload of " + REPO + " (lines 2, 5)"));
    // The Backstage group and the CODEOWNERS team are one node, named by the catalog.
    String name = TestGraph.database().executeTransactionally("MATCH (t:Owner {id: 'team:payments'}) RETURN t.name AS n",
        Map.of(), r -> (String) r.next().get("n"));
    assertThat(name).isEqualTo("Payments");

    ImportReport again = codeowners(graph, CODEOWNERS);
    assertThat(again.counts().writtenEntities()).isZero();
    assertThat(again.counts().writtenRelationships()).isZero();
    assertThat(again.counts().removedRelationships()).isZero();

    ImportReport moved = codeowners(graph, CODEOWNERS.replace("/jobs/              @acme/billing ops@acme.example",
        "/jobs/              @acme/payments"));
    assertThat(moved.errors()).isEmpty();
    assertThat(owns()).containsExactlyInAnyOrder(List.of("team:payments", "component:checkout"),
        List.of("team:payments", "k8s:prod/shop/cronjob/refunds"));
    assertThat(moved.counts().removedRelationships()).isEqualTo(2);
    assertThat(teamsOfTheSecret(graph)).containsExactly("team:payments", "team:web");

    ImportReport broken = codeowners(graph, CODEOWNERS.replace("@acme/writers", "writers"));
    assertThat(broken.succeeded()).isFalse();
    assertThat(broken.errors()).extracting(ImportMessage::location).containsExactly("CODEOWNERS:5");
    assertThat(owns()).containsExactlyInAnyOrder(List.of("team:payments", "component:checkout"),
        List.of("team:payments", "k8s:prod/shop/cronjob/refunds"));
  }

  @Test
  void aFileImportedBeforeTheWorkloadsJoinsThemWhenImportedAgain(Graph graph) throws IOException {
    ImportReport first = codeowners(graph, CODEOWNERS);
    assertThat(first.counts().relationships()).isZero();
    assertThat(first.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).startsWith("no workload in the graph has its code in " + REPO));

    workloads(graph);
    assertThat(owns()).isEmpty();
    ImportReport resynced = codeowners(graph, CODEOWNERS);

    assertThat(resynced.counts().writtenRelationships()).isEqualTo(3);
    assertThat(teamsOfTheSecret(graph)).containsExactly("team:billing", "team:payments", "team:web");
  }
}
