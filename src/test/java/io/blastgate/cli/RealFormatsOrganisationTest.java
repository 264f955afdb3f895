package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadius;
import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's second organisation, Northwind, built only from real-format files
 * (fixtures/real-formats/README.md): its four sources import as the demo imports them, join into
 * one graph, and answer the facts its README lists; imported again, they write nothing.
 */
@ExtendWith(TestGraph.class)
class RealFormatsOrganisationTest {
  private static final String STRIPE = "k8s:prod/shop/secret/stripe-api-key";
  private static final String ORDERS_READER = "arn:aws:iam::210987654321:role/orders-reader";

  private static List<ImportReport> load(Graph graph) throws Exception {
    List<ImportReport> reports = DemoOrganisation.REAL_FORMATS.load(new Importer(graph, ImportSettings.defaults()));
    assertThat(reports).extracting(ImportReport::format)
        .containsExactly("aws-iam", "kubernetes", "backstage", "codeowners");
    return reports;
  }

  private static BlastRadius radius(Graph graph, String target) {
    return new BlastRadiusService(graph, 50).compute(target);
  }

  private static Map<String, Integer> hops(BlastRadius radius) {
    Map<String, Integer> hops = new TreeMap<>();
    radius.impacted().forEach(w -> hops.put(w.id(), w.hops()));
    return hops;
  }

  @Test
  void aSharedKubernetesSecretBreaksItsConsumersTheirComponentsAndTheStorefront(Graph graph) throws Exception {
    load(graph);

    BlastRadius stripe = radius(graph, STRIPE);

    assertThat(hops(stripe)).isEqualTo(Map.of(
        "k8s:prod/shop/deployment/checkout", 0, "k8s:prod/shop/cronjob/refunds", 0,
        "component:checkout", 1, "component:refunds", 1, "k8s:prod/shop/deployment/storefront", 1,
        "component:storefront", 2));
    assertThat(stripe.summary().sharedSecret()).isTrue();
    assertThat(stripe.summary().teams()).contains("team:payments", "team:web");
    assertThat(stripe.sharedSecrets()).singleElement()
        .satisfies(s -> assertThat(s.consumers()).containsExactlyInAnyOrder(
            "k8s:prod/shop/deployment/checkout", "k8s:prod/shop/cronjob/refunds"));

    BlastRadius pull = radius(graph, "k8s:prod/shop/secret/registry-pull");
    assertThat(pull.impacted()).filteredOn(w -> w.hops() == 0).extracting(BlastRadius.ImpactedWorkload::id)
        .containsExactlyInAnyOrder("k8s:prod/shop/deployment/checkout", "k8s:prod/shop/cronjob/refunds",
            "k8s:prod/shop/deployment/recommendations", "k8s:prod/shop/deployment/storefront");
  }

  @Test
  void anIamRoleAssumedThroughWorkloadIdentityBreaksTheDeploymentsWhoseAccountsAssumeIt(Graph graph)
      throws Exception {
    load(graph);

    BlastRadius role = radius(graph, ORDERS_READER);

    assertThat(role.dependentIdentities()).extracting(BlastRadius.DependentIdentity::id).containsExactlyInAnyOrder(
        "k8s:prod/shop/serviceaccount/checkout", "k8s:prod/shop/serviceaccount/recommendations",
        "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C3F1B2E9A7D4C6B8E0F1A2B3C4D5E6F");
    assertThat(hops(role)).containsEntry("k8s:prod/shop/deployment/checkout", 0)
        .containsEntry("k8s:prod/shop/deployment/recommendations", 0)
        .containsEntry("component:checkout", 1).containsEntry("component:recommendations", 1)
        .containsEntry("component:storefront", 2);
    assertThat(role.summary().teams()).contains("team:payments", "team:ml", "team:web");

    BlastRadius lambda = radius(graph, "arn:aws:iam::210987654321:role/service-role/refund-notifier");
    assertThat(lambda.impacted()).singleElement().satisfies(w -> {
      assertThat(w.id()).isEqualTo("arn:aws:lambda:eu-west-1:210987654321:function:refund-notifier");
      assertThat(w.unowned()).as("list-functions carries no tags, and the role's team owns the role").isTrue();
    });
  }

  @Test
  void codeownersAddsTheFoldersTeamBesideTheCatalogsOwnerAndAReimportWritesNothing(Graph graph) throws Exception {
    load(graph);

    BlastRadius component = radius(graph, "component:recommendations");
    assertThat(component.impacted()).singleElement().satisfies(w -> {
      assertThat(w.owners()).extracting(io.blastgate.model.OwnerRef::id).contains("person:noor-haddad", "team:ml");
      assertThat(w.teams()).contains("team:ml");
    });

    List<ImportReport> again = load(graph);
    assertThat(again).allSatisfy(r -> {
      assertThat(r.counts().writtenEntities()).as(r.source()).isZero();
      assertThat(r.counts().writtenRelationships()).as(r.source()).isZero();
      assertThat(r.counts().removedNodes()).as(r.source()).isZero();
    });
  }

  @Test
  void theDemoServesItAsItsSecondOrganisationAndRefusesOneItDoesNotHave(@TempDir Path dir) {
    CliTest.Run demo = CliTest.run("demo", "--no-serve", "--org", "real-formats", "--data-dir",
        dir.resolve("demo").toString());
    CliTest.Run unknown = CliTest.run("demo", "--no-serve", "--org", "initech", "--data-dir",
        dir.resolve("other").toString());

    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("blastgate demo: Northwind (from Kubernetes, Backstage, AWS IAM and CODEOWNERS"
        + " files) is loaded, one source per file format:")
        .containsPattern("northwind-prod-cluster +kubernetes +5 identities, 5 credentials, 8 workloads")
        .containsPattern("northwind-shop-codeowners +codeowners ")
        .containsPattern("approver +person:amara-obi ");
    assertThat(unknown.exit()).isEqualTo(Main.INVALID_INPUT);
    assertThat(unknown.err().strip()).isEqualTo("blastgate: unknown organisation 'initech': the demo has acme,"
        + " real-formats");
    assertThat(dir.resolve("other")).doesNotExist();
  }
}
