package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes format ({@code importers/kubernetes/README.md}) imported into a real Neo4j: the
 * samples (real public manifests) as golden inputs, and small manifests written here for each rule of
 * the mapping; its errors name file, document, field and line, and a refused input writes nothing.
 */
@ExtendWith(TestGraph.class)
class KubernetesImportTest {
  static final Path SAMPLES = Path.of("importers/kubernetes/samples");
  static final Path DEMO = SAMPLES.resolve("GoogleCloudPlatform__microservices-demo/release/kubernetes-manifests.yaml");

  @TempDir Path dir;

  static ImportReport importPath(Graph graph, Path path, Map<String, String> options) {
    return new Importer(graph, ImportSettings.defaults())
        .importPath(path, path.getFileName().toString(), Optional.empty(), new InputChoice(Optional.empty(), options),
            ImportProgress.none());
  }

  @Test
  void theMicroservicesDemoImportsWithEachDeploymentRunningAsItsOwnServiceAccount(Graph graph) {
    ImportReport report = importPath(graph, DEMO, Map.of("cluster", "boutique"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.format()).isEqualTo("kubernetes");
    assertThat(report.source()).isEqualTo("kubernetes-manifests");
    assertThat(report.counts().workloads()).isEqualTo(12);
    assertThat(report.counts().identities()).isEqualTo(12); // 11 accounts, and redis-cart's default one
    assertThat(rows("MATCH (w:Workload)-[:RUNS_AS]->(i:Identity) RETURN w.id, i.id"))
        .contains(List.of("k8s:boutique/default/deployment/checkoutservice",
                "k8s:boutique/default/serviceaccount/checkoutservice"),
            List.of("k8s:boutique/default/deployment/redis-cart", "k8s:boutique/default/serviceaccount/default"))
        .hasSize(12);
    assertThat(rows("MATCH (i:Identity) WHERE size([(w)-[:RUNS_AS]->(i) | w]) > 1 RETURN i.id")).isEmpty();
    assertThat(report.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).startsWith("not mapped: 12 Service"));
  }

  @Test
  void everySampleImportsAsOneFolderAndItsSecretsAndCloudIdentitiesAreThere(Graph graph) {
    ImportReport report = importPath(graph, SAMPLES, Map.of());

    assertThat(report.errors()).isEmpty();
    assertThat(report.source()).isEqualTo("samples");
    assertThat(rows("MATCH (w:Workload)-[:USES]->(c:Credential) RETURN w.id, c.id, c.kind")).containsExactly(
        List.of("k8s:samples/default/deployment/vllm-gemma-deployment", "k8s:samples/default/secret/hf-secret", "secret"));
    assertThat(rows("MATCH (a:Identity)-[:CAN_ASSUME]->(r:Identity) RETURN a.id, r.id, r.kind")).containsExactly(
        List.of("k8s:samples/default/serviceaccount/shoppingassistantservice",
            "gcp:serviceaccount/ALLOYDB_USER_GSA_ID", "role"));
    assertThat(rows("MATCH (w:Workload {id: 'k8s:samples/monitoring/deployment/prometheus-adapter'})-[:RUNS_AS]->(i)"
        + " RETURN i.id")).containsExactly(List.of("k8s:samples/monitoring/serviceaccount/prometheus-adapter"));
    String notMapped = report.warnings().stream().map(ImportMessage::message)
        .filter(m -> m.startsWith("not mapped")).findFirst().orElseThrow();
    assertThat(notMapped).contains("2 Component (kustomize.config.k8s.io)", "14 Service", "ClusterRole",
        "RoleBinding", "ConfigMap", "APIService");
  }

  @Test
  void everyWayAPodReachesASecretIsAUseAndAbsentSecretsAreCreatedFromTheReference(Graph graph) throws IOException {
    Path file = write("shop.yaml", """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: builder, namespace: shop}
        imagePullSecrets: [{name: registry}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: tls-cert, namespace: shop, creationTimestamp: "2026-01-04T09:00:00Z"}
        type: kubernetes.io/tls
        data: {tls.key: c2VjcmV0}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: shop}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  serviceAccountName: builder
                  restartPolicy: Never
                  initContainers:
                  - name: init
                    env: [{name: A, valueFrom: {secretKeyRef: {name: db-password, key: p}}}]
                  containers:
                  - name: main
                    envFrom: [{secretRef: {name: api-keys}}]
                  volumes:
                  - {name: certs, secret: {secretName: tls-cert}}
                  - name: all
                    projected: {sources: [{secret: {name: projected-one}}, {configMap: {name: settings}}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: shop}
        spec:
          imagePullSecrets: [{name: other-registry}]
          containers: [{name: c}]
          ephemeralContainers:
          - name: shell
            env: [{name: T, valueFrom: {secretKeyRef: {name: db-password, key: p}}}]
        """);

    ImportReport report = importPath(graph, file, Map.of("cluster", "prod"));

    assertThat(report.errors()).isEmpty();
    assertThat(rows("MATCH (w:Workload)-[:USES]->(c:Credential) RETURN w.id, c.id")).containsExactlyInAnyOrder(
        List.of("k8s:prod/shop/cronjob/nightly", "k8s:prod/shop/secret/db-password"),
        List.of("k8s:prod/shop/cronjob/nightly", "k8s:prod/shop/secret/api-keys"),
        List.of("k8s:prod/shop/cronjob/nightly", "k8s:prod/shop/secret/tls-cert"),
        List.of("k8s:prod/shop/cronjob/nightly", "k8s:prod/shop/secret/projected-one"),
        List.of("k8s:prod/shop/cronjob/nightly", "k8s:prod/shop/secret/registry"),
        List.of("k8s:prod/shop/pod/debug", "k8s:prod/shop/secret/other-registry"),
        List.of("k8s:prod/shop/pod/debug", "k8s:prod/shop/secret/db-password"));
    assertThat(rows("MATCH (w:Workload) RETURN w.id, w.kind")).containsExactlyInAnyOrder(
        List.of("k8s:prod/shop/cronjob/nightly", "job"), List.of("k8s:prod/shop/pod/debug", "service"));
    assertThat(rows("MATCH (c:Credential {id: 'k8s:prod/shop/secret/tls-cert'}) RETURN c.kind, toString(c.created_at)"))
        .containsExactly(List.of("certificate", "2026-01-04T09:00:00Z"));
    assertThat(rows("MATCH (w:Workload {id: 'k8s:prod/shop/pod/debug'})-[:RUNS_AS]->(i) RETURN i.id"))
        .containsExactly(List.of("k8s:prod/shop/serviceaccount/default"));
    assertThat(rows("MATCH (n) WHERE any(k IN keys(n) WHERE k IN ['data', 'tls.key']) RETURN n.id")).isEmpty();
  }

  @Test
  void cloudIdentitiesOwnersComponentsAndAnnotatedDependenciesAreMapped(Graph graph) throws IOException {
    Path file = write("list.yaml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: checkout
            namespace: pay
            annotations:
              eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/checkout-role
              azure.workload.identity/client-id: 00000000-1111-2222-3333-444444444444
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: checkout
            namespace: pay
            labels: {team: payments, criticality: critical, environment: prod, backstage.io/kubernetes-id: checkout}
            annotations: {blastgate.io/depends-on: "cart, nowhere"}
          spec:
            template:
              metadata: {labels: {app: checkout}}
              spec: {serviceAccountName: checkout, automountServiceAccountToken: false, containers: [{name: c}]}
        - apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: cart, namespace: pay, annotations: {owner: "user:jdoe"}}
          spec:
            template:
              metadata: {labels: {app: cart, tier: db}}
              spec: {containers: [{name: c}]}
        - apiVersion: v1
          kind: Service
          metadata: {name: cart, namespace: pay}
          spec: {selector: {app: cart}}
        """);

    ImportReport report = importPath(graph, file, Map.of("cluster", "eu"));

    assertThat(report.errors()).isEmpty();
    assertThat(rows("MATCH (a)-[:CAN_ASSUME]->(r) RETURN a.id, r.id, r.kind, r.name")).containsExactlyInAnyOrder(
        List.of("k8s:eu/pay/serviceaccount/checkout", "arn:aws:iam::123456789012:role/checkout-role", "role",
            "checkout-role"),
        List.of("k8s:eu/pay/serviceaccount/checkout", "azure:client/00000000-1111-2222-3333-444444444444", "role",
            "00000000-1111-2222-3333-444444444444"));
    assertThat(rows("MATCH (o:Owner)-[:OWNS]->(w) RETURN o.id, o.kind, w.id")).containsExactlyInAnyOrder(
        List.of("team:payments", "team", "k8s:eu/pay/deployment/checkout"),
        List.of("person:jdoe", "person", "k8s:eu/pay/statefulset/cart"));
    assertThat(rows("MATCH (a)-[:DEPENDS_ON]->(b) RETURN a.id, b.id")).containsExactlyInAnyOrder(
        List.of("k8s:eu/pay/deployment/checkout", "k8s:eu/pay/statefulset/cart"),
        List.of("component:checkout", "k8s:eu/pay/deployment/checkout"));
    assertThat(rows("MATCH (w {id: 'k8s:eu/pay/deployment/checkout'}) RETURN w.criticality, w.environment"))
        .containsExactly(List.of("critical", "prod"));
    assertThat(report.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).contains("no Service 'nowhere'"))
        .anySatisfy(m -> assertThat(m).contains("do not mount their service account's token (pay/deployment/checkout)"));
  }

  @Test
  void aRepositoryAnnotationSaysWhereAWorkloadsCodeLives(Graph graph) throws IOException {
    Path file = write("code.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cart
          annotations: {blastgate.io/repository: "https://github.com/Acme/Shop/tree/main/services/cart"}
        spec: {template: {spec: {containers: [{name: c}]}}}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            metadata: {annotations: {backstage.io/source-location: "url:https://gitlab.com/acme/db/-/tree/main/"}}
            spec: {containers: [{name: c}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, annotations: {blastgate.io/repository: "somewhere"}}
        spec: {template: {spec: {containers: [{name: c}]}}}
        """);

    ImportReport report = importPath(graph, file, Map.of("cluster", "prod"));

    assertThat(report.errors()).isEmpty();
    assertThat(rows("MATCH (w:Workload) RETURN w.id, w.repository, w.repository_path")).containsExactlyInAnyOrder(
        List.of("k8s:prod/default/deployment/cart", "github.com/acme/shop", "services/cart"),
        List.of("k8s:prod/default/job/migrate", "gitlab.com/acme/db", "null"),
        List.of("k8s:prod/default/deployment/web", "null", "null"));
    assertThat(report.warnings()).extracting(ImportMessage::location).contains("code.yaml:18, document 3,"
        + " /metadata/annotations/blastgate.io~1repository");
  }

  @Test
  void malformedYamlIsRefusedWithFileDocumentAndLineAndNothingIsWritten(Graph graph) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("manifests"));
    Files.writeString(folder.resolve("a-good.yaml"), """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: fine}
        """);
    Files.writeString(folder.resolve("b-broken.yaml"), """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: one}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: two
         namespace: x
        """);

    ImportReport report = importPath(graph, folder, Map.of());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().getFirst().location()).isEqualTo("b-broken.yaml:9, document 2");
    assertThat(report.errors().getFirst().message()).startsWith("malformed YAML at line 9, column 2: ")
        .doesNotContain("snakeyaml", "jackson", "Exception");
    assertThat(rows("MATCH (n:Entity) RETURN n.id")).isEmpty();
  }

  @Test
  void aFieldOfTheWrongTypeIsAnErrorAtItsPathAndLine(Graph graph) throws IOException {
    Path file = write("deploy.yaml", """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: fine}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              serviceAccountName: [web]
              containers:
              - name: c
                envFrom: {secretRef: {name: x}}
        """);

    ImportReport report = importPath(graph, file, Map.of());

    assertThat(report.errors()).extracting(ImportMessage::location, ImportMessage::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("deploy.yaml:11, document 2, /spec/template/spec/serviceAccountName",
            "'serviceAccountName' must be a string, got a list"),
        org.assertj.core.groups.Tuple.tuple("deploy.yaml:14, document 2, /spec/template/spec/containers/0/envFrom",
            "'envFrom' must be a list, got a mapping"));
    assertThat(rows("MATCH (n:Entity) RETURN n.id")).isEmpty();
  }

  @Test
  void aliasesThatExpandTooFarAreRefused(Graph graph) throws IOException {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\n");
    bomb.append("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    ImportReport report = importPath(graph, write("bomb.yaml", bomb.toString()), Map.of());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors().getFirst().message()).contains("aliases can expand a few lines into millions of values");
  }

  /**
   * Found by RealFormatsFuzzTest (a lone surrogate escape in a double-quoted scalar): the two names
   * were read as written, and the database stores each half as '?', so the two Deployments became one.
   */
  @Test
  void aLoneSurrogateEscapeIsRefusedAtItsLineRatherThanMergingTwoNames(Graph graph) throws IOException {
    Path file = write("lone.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: "web\\ud800"}
        spec: {template: {spec: {containers: [{name: a, image: a}]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "web\\udbff"
        spec: {template: {spec: {containers: [{name: a, image: a}]}}}
        """);

    ImportReport report = importPath(graph, file, Map.of());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).extracting(ImportMessage::location, ImportMessage::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("lone.yaml:3, document 1", "a string at line 3 holds an unpaired surrogate"
            + " (\\uD800 at character 4): YAML text must be Unicode, and \\uD800 to \\uDBFF must be followed by"
            + " \\uDC00 to \\uDFFF; the rest of this file was not read"));
    assertThat(rows("MATCH (n:Entity) RETURN n.id")).isEmpty();
  }

  @Test
  void importingTwiceChangesNothingAndAChangedVersionRemovesWhatIsGone(Graph graph) throws IOException {
    ImportReport first = importPath(graph, DEMO, Map.of());
    ImportReport again = importPath(graph, DEMO, Map.of());
    assertThat(again.errors()).isEmpty();
    assertThat(again.counts().writtenEntities()).isZero();
    assertThat(again.counts().writtenRelationships()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(first.counts().identities() + first.counts().workloads());

    String text = Files.readString(DEMO);
    int cut = text.indexOf("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: adservice");
    int end = text.indexOf("---\napiVersion: apps/v1\nkind: Deployment", cut + 10);
    Path changed = Files.createDirectories(dir.resolve("v2")).resolve("kubernetes-manifests.yaml");
    Files.writeString(changed, text.substring(0, cut) + text.substring(end));
    ImportReport second = importPath(graph, changed, Map.of());

    assertThat(second.errors()).isEmpty();
    assertThat(second.counts().removedNodes()).isEqualTo(2); // the adservice Deployment and its ServiceAccount
    assertThat(rows("MATCH (n:Entity) WHERE n.id CONTAINS 'adservice' RETURN n.id")).isEmpty();
  }

  @Test
  void anInputWithNoObjectIsRefusedRatherThanEmptyingItsSource(Graph graph) throws IOException {
    assertThat(importPath(graph, DEMO, Map.of("cluster", "c")).errors()).isEmpty();
    Path empty = Files.createDirectories(dir.resolve("v2")).resolve("kubernetes-manifests.yaml");
    Files.writeString(empty, "# nothing here\n---\n");

    ImportReport report = new Importer(graph, ImportSettings.defaults()).importPath(empty, "kubernetes-manifests.yaml",
        Optional.empty(), new InputChoice(Optional.of("kubernetes"), Map.of("cluster", "c")), ImportProgress.none());

    assertThat(report.errors()).extracting(ImportMessage::message)
        .containsExactly("no Kubernetes object in the input: nothing to import (an empty source would remove everything"
            + " this source asserted before)");
    assertThat(rows("MATCH (w:Workload) RETURN count(w)")).containsExactly(List.of("12"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** The rows of a query, each as a list of its values as text. */
  static Set<List<String>> rows(String cypher) {
    return TestGraph.database().executeTransactionally(cypher, Map.of(), result -> {
      Set<List<String>> rows = new HashSet<>();
      result.forEachRemaining(r -> rows.add(result.columns().stream().map(c -> String.valueOf(r.get(c))).toList()));
      return rows;
    });
  }
}
