package io.blastgate.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.blastradius.BlastRadiusService.Engine;
import io.blastgate.graph.Graph;
import io.blastgate.importer.ImportProgress;
import io.blastgate.importer.ImportReport;
import io.blastgate.importer.ImportSettings;
import io.blastgate.importer.Importer;
import io.blastgate.testing.TestGraph;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facts importers/aws-iam/README.md promises of its samples, asked as a responder asks them: the
 * blast radius of a role, a secret, an access key, after importing the AWS IAM samples through the real
 * importer into a real Neo4j, with both engines.
 */
@ExtendWith(TestGraph.class)
class AwsIamBlastRadiusTest {
  private static final Path SAMPLES = Path.of("importers/aws-iam/samples");
  private static final String ACCT = "arn:aws:iam::111122223333:";
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:111122223333:function:";
  private static final String STRIPE = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/stripe-AbCdEf";

  private static BlastRadius blastRadius(Graph graph, Path input, String target, Engine engine) {
    ImportReport report = new Importer(graph, ImportSettings.defaults())
        .importPath(input, Optional.empty(), ImportProgress.none());
    assertThat(report.errors()).isEmpty();
    return new BlastRadiusService(graph, 50, engine).compute(target);
  }

  private static Map<String, Integer> impacted(BlastRadius radius) {
    Map<String, Integer> hops = new TreeMap<>();
    radius.impacted().forEach(w -> hops.put(w.id(), w.hops()));
    return hops;
  }

  private static Map<String, Integer> dependents(BlastRadius radius) {
    Map<String, Integer> depths = new TreeMap<>();
    radius.dependentIdentities().forEach(d -> depths.put(d.id(), d.depth()));
    return depths;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRolesBlastRadiusReachesTheFunctionsRunningAsIt(Engine engine, Graph graph) {
    BlastRadius radius = blastRadius(graph, SAMPLES.resolve("acme"), ACCT + "role/service-role/payments-lambda", engine);

    assertThat(impacted(radius)).isEqualTo(Map.of(LAMBDA + "payments-refunds", 0, LAMBDA + "payments-reports", 0));
    assertThat(radius.dependentIdentities()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void disablingARoleBreaksWhoeverAssumesIntoItThroughItsTrustChain(Engine engine, Graph graph) {
    BlastRadius radius = blastRadius(graph, SAMPLES.resolve("acme"), ACCT + "role/admin", engine);

    assertThat(dependents(radius)).isEqualTo(Map.of(
        ACCT + "user/alice", 1,
        ACCT + "role/deploy", 1,
        ACCT + "user/ci/deployer", 2,
        "arn:aws:iam::444455556666:root", 2));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSharedSecretReachesEveryFunctionWhoseEnvironmentNamesIt(Engine engine, Graph graph) {
    BlastRadius radius = blastRadius(graph, SAMPLES.resolve("acme"), STRIPE, engine);

    assertThat(impacted(radius)).isEqualTo(Map.of(LAMBDA + "payments-refunds", 0, LAMBDA + "payments-reports", 0));
    assertThat(radius.sharedSecrets()).singleElement().satisfies(s -> {
      assertThat(s.consumerCount()).isEqualTo(2);
      assertThat(s.shared()).isTrue();
    });
  }

  @Test
  void anInstanceProfileRunsAsItsRoleAndAnAccessKeyReachesWhatItsUserAssumesInto(Graph graph) {
    BlastRadius profile = blastRadius(graph, SAMPLES.resolve("acme"), ACCT + "role/web-ec2", Engine.CYPHER);
    assertThat(impacted(profile)).isEqualTo(Map.of(ACCT + "instance-profile/web-ec2", 0));

    // An access key is used outside AWS (by CI): no workload of the export uses it, so revoking it
    // impacts no workload the graph knows; it is known, with its user.
    BlastRadius key = new BlastRadiusService(graph, 50, Engine.CYPHER).compute(ACCT + "user/ci/deployer#access-key-1");
    assertThat(key.impacted()).isEmpty();
    assertThat(key.target().id()).isEqualTo(ACCT + "user/ci/deployer#access-key-1");
  }

  @Test
  void theCloudmapperLambdaBreaksWithTheRoleItRunsAsThoughTheExportDoesNotListThatRole(Graph graph) {
    BlastRadius radius = blastRadius(graph, SAMPLES.resolve("cloudmapper-demo"),
        "arn:aws:iam::123456789012:role/service-role/invpclambda", Engine.CYPHER);

    assertThat(impacted(radius)).isEqualTo(Map.of("arn:aws:lambda:us-east-1:123456789012:function:invpclambda", 0));
  }
}
