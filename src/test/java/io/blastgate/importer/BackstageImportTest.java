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
 * The Backstage catalog format ({@code importers/backstage/README.md}) imported into a real Neo4j: the
 * backstage/backstage examples as golden inputs (Locations followed, dangling references warned
 * about), and small catalogs written here for each rule.
 */
@ExtendWith(TestGraph.class)
class BackstageImportTest {
  static final Path SAMPLES = Path.of("importers/backstage/samples");

  @TempDir Path dir;

  static ImportReport importPath(Graph graph, Path path) {
    return new Importer(graph, ImportSettings.defaults()).importPath(path, path.getFileName().toString(),
        Optional.empty(), InputChoice.DETECT, ImportProgress.none());
  }

  @Test
  void theExamplesImportWithOwnersMembersAndApiDependencies(Graph graph) {
    ImportReport report = importPath(graph, SAMPLES);

    assertThat(report.errors()).isEmpty();
    assertThat(report.format()).isEqualTo("backstage");
    assertThat(rows("MATCH (o:Owner)-[:OWNS]->(w {id: 'component:wayback-search'}) RETURN o.id, o.kind"))
        .containsExactly(List.of("team:team-a", "team"));
    assertThat(rows("MATCH (p:Owner {id: 'person:breanna.davison'})-[:MEMBER_OF]->(t) RETURN t.id, p.email"))
        .containsExactly(List.of("team:team-a", "breanna-davison@example.com"));
    // The guest of namespace 'development' names team-a of the default namespace in full.
    assertThat(rows("MATCH (p:Owner {id: 'person:development/guest'})-[:MEMBER_OF]->(t) RETURN t.id"))
        .containsExactly(List.of("team:team-a"));
    // wayback-search consumes the API wayback-archive, which the component wayback-archive provides.
    assertThat(rows("MATCH (a {id: 'component:wayback-search'})-[:DEPENDS_ON]->(b) RETURN b.id"))
        .containsExactly(List.of("component:wayback-archive"));
    assertThat(rows("MATCH (w {id: 'component:wayback-search'}) RETURN w.environment, w.kind"))
        .containsExactly(List.of("prod", "service"));
    assertThat(rows("MATCH (w {id: 'resource:artists-db'}) RETURN w.kind")).containsExactly(List.of("datastore"));
    assertThat(report.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).contains("'CNCF' (group:default/CNCF) is not in the catalog read"))
        .anySatisfy(m -> assertThat(m).contains("'./all-apis.yaml' cannot be read (no such file)"))
        .anySatisfy(m -> assertThat(m).startsWith("not mapped: ").contains("System", "Domain", "Location"));
    assertThat(rows("MATCH (n {id: 'component:backstage'})<-[:OWNS]-(o) RETURN o.id")).isEmpty();
    // Its github.com/project-slug says where its code lives: the root of backstage/backstage.
    assertThat(rows("MATCH (w {id: 'component:backstage'}) RETURN w.repository, w.repository_path"))
        .containsExactly(java.util.Arrays.asList("github.com/backstage/backstage", "null"));
  }

  @Test
  void aLocationFileIsFollowedRelativeToItselfAndNeverOutOfItsFolder(Graph graph) throws IOException {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.createDirectories(catalog.resolve("teams"));
    Files.writeString(dir.resolve("outside.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: intruders}
        spec: {type: team, children: []}
        """);
    Files.writeString(catalog.resolve("teams/payments.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: payments}
        spec: {type: team, profile: {displayName: Payments, email: pay@example.com}, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: jdoe}
        spec: {memberOf: [payments]}
        """);
    Path root = Files.writeString(catalog.resolve("all.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: all}
        spec:
          targets: [./teams/payments.yaml, ../outside.yaml, https://example.com/catalog-info.yaml]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: checkout
          annotations: {blastgate.io/criticality: critical}
        spec: {type: service, lifecycle: production, owner: payments, dependsOn: [resource:ledger]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: ledger}
        spec: {type: database, owner: user:jdoe}
        """);

    ImportReport report = importPath(graph, root);

    assertThat(report.errors()).isEmpty();
    assertThat(report.source()).isEqualTo("all");
    assertThat(rows("MATCH (o:Owner)-[:OWNS]->(w) RETURN o.id, o.name, w.id")).containsExactlyInAnyOrder(
        List.of("team:payments", "Payments", "component:checkout"), List.of("person:jdoe", "jdoe", "resource:ledger"));
    assertThat(rows("MATCH (a)-[:DEPENDS_ON]->(b) RETURN a.id, b.id"))
        .containsExactly(List.of("component:checkout", "resource:ledger"));
    assertThat(rows("MATCH (w {id: 'component:checkout'}) RETURN w.criticality, w.environment"))
        .containsExactly(List.of("critical", "prod"));
    assertThat(rows("MATCH (n {id: 'team:intruders'}) RETURN n.id")).isEmpty();
    assertThat(report.warnings()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).contains("'../outside.yaml' lies outside the input's folder"))
        .anySatisfy(m -> assertThat(m).contains("is not a local file"));
  }

  @Test
  void malformedCatalogIsRefusedWhereItIsAndNothingIsWritten(Graph graph) throws IOException {
    Path file = Files.writeString(dir.resolve("catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: fine}
        spec: {type: service, owner: [team-a]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: broken
        """);

    ImportReport report = importPath(graph, file);

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).extracting(ImportMessage::location)
        .containsExactlyInAnyOrder("catalog-info.yaml:4, document 1, /spec/owner", "catalog-info.yaml:9, document 2");
    assertThat(report.errors()).extracting(ImportMessage::message)
        .anySatisfy(m -> assertThat(m).isEqualTo("'owner' must be a string, got a list"))
        .anySatisfy(m -> assertThat(m).startsWith("malformed YAML at line 9").endsWith("the rest of this file was not read"));
    assertThat(rows("MATCH (n:Entity) RETURN n.id")).isEmpty();
  }

  @Test
  void importingTwiceChangesNothing(Graph graph) {
    importPath(graph, SAMPLES);
    ImportReport again = importPath(graph, SAMPLES);
    assertThat(again.errors()).isEmpty();
    assertThat(again.counts().writtenEntities()).isZero();
    assertThat(again.counts().writtenRelationships()).isZero();
    assertThat(rows("MATCH (n:Entity) RETURN count(n) > 20")).containsExactly(List.of("true"));
  }
  /**
   * Found by RealFormatsFuzzTest (valid files, the format left to detection): a file that starts with
   * a byte order mark, a {@code %YAML} directive, or a comment longer than the first 16 KiB was not
   * recognised, and the bundle's reader refused it as malformed JSON, at no place.
   */
  @Test
  void aCatalogIsRecognisedAfterAByteOrderMarkADirectiveOrALongComment(Graph graph) throws IOException {
    String catalog = Files.readString(SAMPLES.resolve("catalog-info.yaml"));
    Map<String, String> variants = Map.of(
        "bom.yaml", "\uFEFF" + catalog,
        "directive.yaml", "%YAML 1.1\n---\n" + catalog,
        "long-comment.yaml", "# " + "x".repeat(20_000) + "\n" + catalog);
    for (var variant : variants.entrySet()) {
      Path file = Files.writeString(dir.resolve(variant.getKey()), variant.getValue());

      ImportReport report = importPath(graph, file);

      assertThat(report.errors()).as(variant.getKey()).isEmpty();
      assertThat(report.format()).as(variant.getKey()).isEqualTo("backstage");
    }
  }
}
