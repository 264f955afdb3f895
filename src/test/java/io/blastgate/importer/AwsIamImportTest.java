package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS IAM importer ({@code importers/aws-iam/README.md}) on its samples, through the registered
 * formats (found by content, as the command line and the API find it) into a real Neo4j: every sample
 * imports, and the facts its README promises hold.
 */
@ExtendWith(TestGraph.class)
class AwsIamImportTest {
  static final Path SAMPLES = Path.of("importers/aws-iam/samples");
  static final Path ACME = SAMPLES.resolve("acme");
  static final String ACCT = "arn:aws:iam::111122223333:";

  @TempDir Path dir;

  static ImportReport importPath(Graph graph, Path path, Optional<String> source) {
    return new Importer(graph, ImportSettings.defaults()).importPath(path, source, ImportProgress.none());
  }

  @Test
  void everySampleImportsAsAwsIam(Graph graph) throws IOException {
    Path cloudmapper = SAMPLES.resolve("cloudmapper-demo");
    Path withCsvReport = copy(cloudmapper, dir.resolve("csv-report"));
    Files.delete(withCsvReport.resolve("iam-get-credential-report.json"));
    Files.copy(SAMPLES.resolve("cloudmapper-credential-report.csv"), withCsvReport.resolve("credential-report.csv"));
    List<Path> inputs = List.of(ACME, cloudmapper, withCsvReport,
        cloudmapper.resolve("iam-get-account-authorization-details.json"), SAMPLES.resolve("aws-cli"),
        SAMPLES.resolve("aws-cli/get-account-authorization-details.example-output.json"));
    for (Path input : inputs) {
      TestGraph.clear();
      ImportReport report = importPath(graph, input, Optional.empty());
      assertThat(report.errors()).as("errors of %s", input).isEmpty();
      assertThat(report.format()).as("format of %s", input).isEqualTo("aws-iam");
      assertThat(report.counts().identities()).as("identities of %s", input).isPositive();
    }
  }

  @Test
  void theSourceIsNamedAfterTheAccountAndWhatIsNotMappedIsCounted(Graph graph) {
    ImportReport report = importPath(graph, SAMPLES.resolve("cloudmapper-demo"), Optional.empty());

    assertThat(report.source()).isEqualTo("aws-123456789012");
    assertThat(report.warnings()).extracting(ImportMessage::location, ImportMessage::message).contains(
        org.assertj.core.groups.Tuple.tuple("iam-get-account-authorization-details.json#/GroupDetailList",
            "1 groups not mapped: IAM groups grant permissions and own nothing; their members carry"
                + " aws_group:<name> in their tags"),
        org.assertj.core.groups.Tuple.tuple("iam-get-account-authorization-details.json#/Policies",
            "2 managed policies not mapped: the model holds who may act as whom, not permissions"));
    assertThat(report.warnings()).extracting(ImportMessage::location)
        .contains("iam-get-account-summary.json", "iam-get-role");
    assertThat(pairs("MATCH (a)-[:CAN_ASSUME]->(b) RETURN a.id AS a, b.id AS b"))
        .containsExactly(List.of("aws:anyone", "arn:aws:iam::123456789012:role/bad_role"));
    assertThat(pairs("MATCH (c:Credential {status: 'active'})-[:AUTHENTICATES_AS]->(i) RETURN c.id AS a, i.kind AS b"))
        .containsExactlyInAnyOrder(
            List.of("arn:aws:iam::123456789012:root#access-key-1", "role"),
            List.of("arn:aws:iam::123456789012:root#password", "role"),
            List.of("arn:aws:iam::123456789012:user/auditor_tmp#access-key-1", "service_account"),
            List.of("arn:aws:iam::123456789012:user/user#access-key-1", "human"),
            List.of("arn:aws:iam::123456789012:user/user#access-key-2", "human"),
            List.of("arn:aws:iam::123456789012:user/user#password", "human"));
  }

  @Test
  void trustPoliciesGiveCanAssumeFromEachTrustedPrincipal(Graph graph) {
    ImportReport report = importPath(graph, ACME, Optional.empty());
    assertThat(report.errors()).isEmpty();
    assertThat(report.source()).isEqualTo("aws-111122223333");

    assertThat(pairs("MATCH (a)-[:CAN_ASSUME]->(b) RETURN a.id AS a, b.id AS b")).containsExactlyInAnyOrder(
        List.of(ACCT + "user/ci/deployer", ACCT + "role/deploy"),
        List.of("arn:aws:iam::444455556666:root", ACCT + "role/deploy"),
        List.of(ACCT + "user/alice", ACCT + "role/admin"),
        List.of(ACCT + "role/deploy", ACCT + "role/admin"),
        List.of(ACCT + "oidc-provider/token.actions.githubusercontent.com", ACCT + "role/github-actions"),
        List.of(ACCT + "saml-provider/okta", ACCT + "role/sso/okta-admins"),
        List.of("aws:anyone", ACCT + "role/public-reader"),
        List.of("arn:aws:iam::999988887777:root", ACCT + "role/public-reader"));
    // The external and federated principals are identities of their own, asserted by this source.
    assertThat(pairs("MATCH (i:Identity) WHERE i.id IN ['aws:anyone', 'arn:aws:iam::444455556666:root',"
        + " '" + ACCT + "saml-provider/okta', '" + ACCT + "oidc-provider/token.actions.githubusercontent.com']"
        + " RETURN i.id AS a, i.kind AS b")).containsExactlyInAnyOrder(
        List.of("aws:anyone", "role"), List.of("arn:aws:iam::444455556666:root", "role"),
        List.of(ACCT + "saml-provider/okta", "application"),
        List.of(ACCT + "oidc-provider/token.actions.githubusercontent.com", "application"));
    // What is not mapped is said where it is: the Deny statement and the deleted principal.
    assertThat(report.warnings()).extracting(ImportMessage::location).contains(
        "authorization-details.json#/RoleDetailList/2/AssumeRolePolicyDocument/Statement/2/Effect",
        "authorization-details.json#/RoleDetailList/6/AssumeRolePolicyDocument/Statement/0/Principal/AWS");
  }

  @Test
  void servicePrincipalsGroupsAndTagsAreRecordedOnTheIdentity(Graph graph) {
    importPath(graph, ACME, Optional.empty());

    assertThat(tags(ACCT + "role/web-ec2")).contains("trusted_service:ec2.amazonaws.com",
        "trusted_service:ssm.amazonaws.com", "aws_tag:Owner=bob@example.com");
    assertThat(tags(ACCT + "role/service-role/payments-lambda")).contains("trusted_service:lambda.amazonaws.com");
    assertThat(tags(ACCT + "user/alice")).contains("aws_group:admins", "mfa:active", "aws_tag:Team=platform");
    assertThat(pairs("MATCH (o:Owner)-[:OWNS]->(e) RETURN o.id AS a, e.id AS b")).containsExactlyInAnyOrder(
        List.of("team:platform", ACCT + "user/alice"),
        List.of("team:payments", ACCT + "user/ci/deployer"),
        List.of("team:payments", ACCT + "role/service-role/payments-lambda"),
        List.of("person:alice", ACCT + "role/admin"),
        List.of("person:bob@example.com", ACCT + "role/web-ec2"),
        List.of("team:payments", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/stripe-AbCdEf"));
  }

  @Test
  void theCredentialReportGivesPasswordsAccessKeysAndCertificates(Graph graph) {
    importPath(graph, ACME, Optional.empty());

    assertThat(pairs("MATCH (c:Credential)-[:AUTHENTICATES_AS]->(i) RETURN c.id AS a,"
        + " c.kind + ' ' + c.status + ' ' + coalesce(toString(c.created_at), '-') + ' '"
        + " + coalesce(toString(c.last_used_at), '-') + ' ' + coalesce(toString(c.expires_at), '-') + ' ' + i.id AS b"))
        .containsExactlyInAnyOrder(
            List.of(ACCT + "root#password", "password active - 2026-10-01T08:00:00Z - " + ACCT + "root"),
            List.of(ACCT + "user/alice#password",
                "password active 2026-06-01T09:00:00Z 2026-11-29T17:00:00Z 2026-12-01T09:00:00Z " + ACCT + "user/alice"),
            List.of(ACCT + "user/ci/deployer#access-key-1",
                "access_key active 2025-02-01T09:00:00Z 2026-11-30T23:10:00Z - " + ACCT + "user/ci/deployer"),
            List.of(ACCT + "user/ci/deployer#access-key-2",
                "access_key revoked 2024-02-01T09:00:00Z 2024-06-01T12:00:00Z - " + ACCT + "user/ci/deployer"),
            List.of(ACCT + "user/ci/deployer#signing-certificate-1",
                "certificate active 2024-02-02T09:00:00Z - - " + ACCT + "user/ci/deployer"));
    // A console password makes a user a human; a user with keys only is a service account.
    assertThat(pairs("MATCH (i:Identity) WHERE i.id STARTS WITH '" + ACCT + "user/' RETURN i.id AS a, i.kind AS b"))
        .containsExactlyInAnyOrder(List.of(ACCT + "user/alice", "human"), List.of(ACCT + "user/ci/deployer", "service_account"));
  }

  @Test
  void functionsRunAsTheirRolesAndUseTheSecretsTheirEnvironmentNames(Graph graph) {
    importPath(graph, ACME, Optional.empty());
    String stripe = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/stripe-AbCdEf";
    String lambda = "arn:aws:lambda:us-east-1:111122223333:function:";

    assertThat(pairs("MATCH (w:Workload)-[r:RUNS_AS|USES]->(x) RETURN w.id AS a, type(r) + ' ' + x.id AS b"))
        .containsExactlyInAnyOrder(
            List.of(lambda + "payments-refunds", "RUNS_AS " + ACCT + "role/service-role/payments-lambda"),
            List.of(lambda + "payments-reports", "RUNS_AS " + ACCT + "role/service-role/payments-lambda"),
            List.of(lambda + "thumbnails", "RUNS_AS " + ACCT + "role/thumbnails-exec"),
            List.of(lambda + "payments-refunds", "USES " + stripe),
            List.of(lambda + "payments-reports", "USES " + stripe),
            List.of(ACCT + "instance-profile/web-ec2", "RUNS_AS " + ACCT + "role/web-ec2"));
    assertThat(pairs("MATCH (c:Credential {kind: 'secret'}) RETURN c.id AS a, c.status + ' ' + toString(c.created_at) AS b"))
        .containsExactlyInAnyOrder(List.of(stripe, "active 2026-09-01T09:00:00Z"),
            List.of("arn:aws:secretsmanager:us-east-1:111122223333:secret:old/ftp-ZyXwVu", "revoked 2024-01-01T09:00:00Z"));
  }

  @Test
  void noValueOfAnEnvironmentVariableLandsInTheGraph(Graph graph) {
    importPath(graph, ACME, Optional.empty());

    String all = GraphSnapshot.take().toString();
    assertThat(all).doesNotContain("NOT_A_REAL_KEY").doesNotContain("sk_test").doesNotContain("STRIPE_FALLBACK_KEY")
        .doesNotContain("LOG_LEVEL");
  }

  /** (a, b) of every row of a query returning {@code a} and {@code b}. */
  static Set<List<String>> pairs(String cypher) {
    return TestGraph.database().executeTransactionally(cypher, Map.of(), result -> {
      Set<List<String>> rows = new java.util.HashSet<>();
      result.forEachRemaining(r -> rows.add(List.of(String.valueOf(r.get("a")), String.valueOf(r.get("b")))));
      return rows;
    });
  }

  static Set<String> tags(String id) {
    return TestGraph.database().executeTransactionally("MATCH (i:Identity {id: $id}) RETURN i.tags AS tags",
        new HashMap<>(Map.of("id", id)), result -> new TreeSet<>(List.of((String[]) result.next().get("tags"))));
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
