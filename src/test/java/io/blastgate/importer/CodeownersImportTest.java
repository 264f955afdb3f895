package io.blastgate.importer;

import static io.blastgate.importer.KubernetesImportTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CODEOWNERS format ({@code importers/codeowners/README.md}) imported into a real Neo4j: each sample
 * joined to workloads of a catalog written here whose source locations are folders of the sample's
 * repository, with the owners the README says each folder has; detection, options and refusals.
 */
@ExtendWith(TestGraph.class)
class CodeownersImportTest {
  static final Path SAMPLES = Path.of("importers/codeowners/samples");

  @TempDir Path dir;

  static ImportReport importPath(Graph graph, Path path, Optional<String> format, Map<String, String> options) {
    return new Importer(graph, ImportSettings.defaults()).importPath(path, path.getFileName().toString(),
        Optional.empty(), new InputChoice(format, options), ImportProgress.none());
  }

  static ImportReport codeowners(Graph graph, Path path, String repository) {
    return importPath(graph, path, Optional.empty(), Map.of("repository", repository));
  }

  /** A catalog of one component per folder of {@code repository}, named after the folder. */
  private Path catalog(String repository, String... folders) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (String folder : folders) {
      String name = folder.isEmpty() ? "root" : folder.replace('/', '-');
      yaml.append("""
          apiVersion: backstage.io/v1alpha1
          kind: Component
          metadata:
            name: %s
            annotations: {backstage.io/source-location: "url:https://%s/tree/main/%s"}
          spec: {type: service, lifecycle: production, owner: group:catalog-team}
          ---
          """.formatted(name, repository, folder));
    }
    return Files.writeString(dir.resolve("catalog-info.yaml"), yaml.toString());
  }

  private static List<String> ownersOf(String workload) {
    return rows("MATCH (o:Owner)-[:OWNS]->(w:Workload {id: '" + workload + "'}) WHERE 'codeowners:' IN"
        + " [s IN o.sources | left(s, 11)] RETURN o.id").stream().map(r -> r.get(0)).sorted().toList();
  }

  @Test
  void argoCdsFoldersAreOwnedByTheApproversAndTheTeamOfTheirArea(Graph graph) throws IOException {
    String repo = "github.com/argoproj/argo-cd";
    assertThat(KubernetesImportTest.importPath(graph, catalog(repo, "ui", "docs/operator-manual", "hack/gen-docs",
        "hack/tool", "cmd/argocd", "server", ""), Map.of()).errors()).isEmpty();

    ImportReport report = codeowners(graph, SAMPLES.resolve("argoproj__argo-cd/CODEOWNERS"), repo);

    assertThat(report.errors()).isEmpty();
    assertThat(report.format()).isEqualTo("codeowners");
    assertThat(report.source()).isEqualTo("codeowners:github.com:argoproj:argo-cd");
    assertThat(report.counts().owners()).isEqualTo(5);
    assertThat(ownersOf("component:ui")).containsExactly("team:argocd-approvers", "team:argocd-approvers-ui");
    assertThat(ownersOf("component:docs-operator-manual")).containsExactly("team:argocd-approvers",
        "team:argocd-approvers-cli", "team:argocd-approvers-docs");
    assertThat(ownersOf("component:hack-gen-docs")).containsExactly("team:argocd-approvers");
    assertThat(ownersOf("component:hack-tool")).containsExactly("team:argocd-approvers", "team:argocd-approvers-ci");
    assertThat(ownersOf("component:cmd-argocd")).containsExactly("team:argocd-approvers", "team:argocd-approvers-cli");
    assertThat(ownersOf("component:server")).containsExactly("team:argocd-approvers");
    assertThat(ownersOf("component:root")).containsExactly("team:argocd-approvers");
    assertThat(report.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).startsWith("joined 7 of the 7 workloads in the graph whose code is in " + repo));
  }

  @Test
  void prometheusSubsystemsAreOwnedByTheMaintainersAndTheirNamedPeople(Graph graph) throws IOException {
    String repo = "github.com/prometheus/prometheus";
    KubernetesImportTest.importPath(graph, catalog(repo, "tsdb/agent", "web/ui/module", "discovery/nomad",
        "storage/remote/otlptranslator", "cmd/prometheus"), Map.of());

    ImportReport report = codeowners(graph, SAMPLES.resolve("prometheus__prometheus/CODEOWNERS"), repo);

    assertThat(report.errors()).isEmpty();
    assertThat(report.counts().owners()).isEqualTo(28);
    assertThat(ownersOf("component:tsdb-agent")).containsExactly("person:bwplotka", "person:codesome",
        "person:jesusvazquez", "person:kgeckhart", "person:krajorama", "team:default-maintainers");
    assertThat(ownersOf("component:web-ui-module")).containsExactly("person:juliusv", "person:nexucis",
        "team:default-maintainers");
    // Its rule is commented out ("Pending"): the default maintainers own it.
    assertThat(ownersOf("component:discovery-nomad")).containsExactly("team:default-maintainers");
    assertThat(ownersOf("component:storage-remote-otlptranslator")).containsExactly("person:ArthurSens",
        "person:aknuds1", "person:jesusvazquez", "team:default-maintainers");
    assertThat(ownersOf("component:cmd-prometheus")).containsExactly("team:default-maintainers");
  }

  @Test
  void theMicroservicesDemoIsReadFromItsRepositoryFolderAndItsMaintainersOwnEverything(Graph graph)
      throws IOException {
    String repo = "github.com/googlecloudplatform/microservices-demo";
    KubernetesImportTest.importPath(graph, catalog(repo, "src/cartservice", ""), Map.of());

    ImportReport report = importPath(graph, SAMPLES.resolve("GoogleCloudPlatform__microservices-demo"),
        Optional.empty(), Map.of("repository", "https://github.com/GoogleCloudPlatform/microservices-demo.git"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.format()).isEqualTo("codeowners");
    for (String component : List.of("component:src-cartservice", "component:root")) {
      assertThat(ownersOf(component)).containsExactly("person:yoshi-approver",
          "team:devrel-flagship-app-maintainers");
    }
  }

  @Test
  void withoutWorkloadsTheOwnersAreImportedAndTheReportSaysToImportAgainAfterTheCatalog(Graph graph) {
    ImportReport report = codeowners(graph, SAMPLES.resolve("argoproj__argo-cd/CODEOWNERS"),
        "github.com/argoproj/argo-cd");

    assertThat(report.errors()).isEmpty();
    assertThat(report.counts().owners()).isEqualTo(5);
    assertThat(report.counts().relationships()).isZero();
    assertThat(report.warnings()).extracting(ImportMessage::message).anySatisfy(m -> assertThat(m)
        .startsWith("no workload in the graph has its code in github.com/argoproj/argo-cd").contains("then this file"));
  }

  @Test
  void theRepositoryMustBeGivenAndOtherFormatsRefuseIt(Graph graph) throws IOException {
    ImportReport none = importPath(graph, SAMPLES.resolve("argoproj__argo-cd/CODEOWNERS"), Optional.empty(), Map.of());
    assertThat(none.succeeded()).isFalse();
    assertThat(none.format()).isEqualTo("codeowners");
    assertThat(none.errors().get(0).message()).startsWith("a CODEOWNERS file does not say which repository");

    ImportReport bad = codeowners(graph, SAMPLES.resolve("argoproj__argo-cd/CODEOWNERS"), "argo-cd");
    assertThat(bad.errors().get(0).message()).startsWith("'argo-cd' is not a repository");

    Path manifests = Files.writeString(dir.resolve("prod.yaml"), "apiVersion: v1\nkind: ServiceAccount\n"
        + "metadata: {name: a}\n");
    ImportReport k8s = importPath(graph, manifests, Optional.empty(), Map.of("repository", "github.com/a/b"));
    assertThat(k8s.errors()).extracting(ImportMessage::location).containsExactly("repository");
    assertThat(rows("MATCH (n:Entity) RETURN n.id")).isEmpty();
  }

  @Test
  void aFileNamedCodeownersAFolderHoldingOneAndAnUploadAreRecognised(Graph graph) throws IOException {
    Path repoFolder = dir.resolve("repo");
    Files.createDirectories(repoFolder.resolve(".github"));
    Files.writeString(repoFolder.resolve(".github/CODEOWNERS"), "* @acme/platform\n");
    Files.writeString(repoFolder.resolve("CODEOWNERS"), "* @acme/other\n");
    ImportReport folder = codeowners(graph, repoFolder, "github.com/acme/shop");
    assertThat(folder.format()).isEqualTo("codeowners");
    assertThat(rows("MATCH (o:Owner) RETURN o.id")).containsExactly(List.of("team:platform"));
    assertThat(folder.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).startsWith("read .github/CODEOWNERS, the first").endsWith("CODEOWNERS"));

    Path upload = Files.writeString(dir.resolve("upload-1234.tmp"), "# owners\n/docs/ docs@acme.example\n");
    ImportReport uploaded = new Importer(graph, ImportSettings.defaults()).importPath(upload, "",
        Optional.of("shop-owners"), new InputChoice(Optional.empty(), Map.of("repository", "github.com/acme/shop")),
        ImportProgress.none());
    assertThat(uploaded.errors()).isEmpty();
    assertThat(uploaded.format()).isEqualTo("codeowners");
    assertThat(rows("MATCH (o:Owner {id: 'person:docs@acme.example'}) RETURN o.kind, o.email"))
        .containsExactly(List.of("person", "docs@acme.example"));
  }

  @Test
  void malformedLinesAreErrorsAtFileAndLineAndNothingIsWritten(Graph graph) throws IOException {
    Path file = Files.writeString(dir.resolve("CODEOWNERS"), """
        * @acme/platform
        /docs/ docs-team
        [Backend
        /src/[a @acme/dev
        /config/ @@maintainer
        """);

    ImportReport report = codeowners(graph, file, "gitlab.com/acme/shop");

    assertThat(report.succeeded()).isFalse();
    assertThat(report.errors()).extracting(ImportMessage::location)
        .containsExactly("CODEOWNERS:2", "CODEOWNERS:3", "CODEOWNERS:4");
    assertThat(rows("MATCH (n:Entity) RETURN n.id")).isEmpty();
  }

  @Test
  void gitLabRolesAreReportedAsNotMapped(Graph graph) throws IOException {
    Path file = Files.writeString(dir.resolve("CODEOWNERS"), "[Config][2] @acme/ops\n/config/ @@maintainer\n* \n");

    ImportReport report = codeowners(graph, file, "gitlab.com/acme/shop");

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).extracting(ImportMessage::message).anySatisfy(m -> assertThat(m)
        .startsWith("not mapped: 1 approval counts ([Name][N]), 1 role owners (@@maintainer)"));
  }
}
