package io.blastgate.importer;

import static io.blastgate.importer.AwsIamImportTest.ACCT;
import static io.blastgate.importer.AwsIamImportTest.ACME;
import static io.blastgate.importer.AwsIamImportTest.copy;
import static io.blastgate.importer.AwsIamImportTest.importPath;
import static io.blastgate.importer.AwsIamImportTest.pairs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS IAM input's forms (decoded and URL-encoded policies, a zip), its errors (each at its file,
 * pointer and field, with nothing written), and its sync (twice changes nothing; a new version removes
 * what is gone), against a real Neo4j.
 */
@ExtendWith(TestGraph.class)
class AwsIamInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DETAILS = "authorization-details.json";

  @TempDir Path dir;

  @Test
  void urlEncodedTrustPoliciesGiveTheSameGraphAsDecodedOnes(Graph graph) throws IOException {
    Path encoded = copy(ACME, dir.resolve("encoded"));
    ObjectNode details = (ObjectNode) JSON.readTree(encoded.resolve(DETAILS).toFile());
    for (JsonNode role : details.get("RoleDetailList")) {
      String policy = JSON.writeValueAsString(role.get("AssumeRolePolicyDocument"));
      // As the API returns it: RFC 3986, a space as %20.
      ((ObjectNode) role).put("AssumeRolePolicyDocument",
          URLEncoder.encode(policy, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    JSON.writeValue(encoded.resolve(DETAILS).toFile(), details);
    assertThat(Files.readString(encoded.resolve(DETAILS))).contains("%7B%22Version%22%3A%222012-10-17%22");

    assertThat(importPath(graph, ACME, Optional.of("aws-acme")).errors()).isEmpty();
    GraphSnapshot decoded = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    assertThat(importPath(graph, encoded, Optional.of("aws-acme")).errors()).isEmpty();

    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(decoded);
    assertThat(decoded.relationships()).hasSizeGreaterThan(20);
  }

  @Test
  void twoPagesOfTheAuthorizationDetailsInOneFolderAreReadAsOne(Graph graph) throws IOException {
    assertThat(importPath(graph, ACME, Optional.of("aws-acme")).errors()).isEmpty();
    GraphSnapshot whole = GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES);
    TestGraph.clear();
    Path paged = copy(ACME, dir.resolve("paged"));
    ObjectNode details = (ObjectNode) JSON.readTree(paged.resolve(DETAILS).toFile());
    ObjectNode second = JSON.createObjectNode();
    second.set("RoleDetailList", details.remove("RoleDetailList"));
    details.put("IsTruncated", true).put("Marker", "page-2");
    JSON.writeValue(paged.resolve(DETAILS).toFile(), details);
    JSON.writeValue(paged.resolve("authorization-details-2.json").toFile(), second);

    ImportReport report = importPath(graph, paged, Optional.of("aws-acme"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).extracting(ImportMessage::location).contains(DETAILS + "#/IsTruncated");
    assertThat(GraphSnapshot.take(GraphSnapshot.RUN_PROPERTIES)).isEqualTo(whole);
  }

  @Test
  void aZipOfTheFolderImportsToo(Graph graph) throws IOException {
    Path zip = dir.resolve("acme-export.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      try (var files = Files.list(ACME)) {
        for (Path p : files.sorted().toList()) {
          out.putNextEntry(new ZipEntry("acme/" + p.getFileName()));
          out.write(Files.readAllBytes(p));
          out.closeEntry();
        }
      }
    }
    ImportReport report = importPath(graph, zip, Optional.empty());

    assertThat(report.errors()).isEmpty();
    assertThat(report.format()).isEqualTo("aws-iam");
    assertThat(report.source()).isEqualTo("aws-111122223333");
    assertThat(pairs("MATCH (a)-[:CAN_ASSUME]->(b {id: '" + ACCT + "role/deploy'}) RETURN a.id AS a, b.id AS b"))
        .hasSize(2);
  }

  @Test
  void malformedJsonIsReportedAtItsFileAndPointerAndNothingIsWritten(Graph graph) throws IOException {
    Path input = copy(ACME, dir.resolve("broken"));
    String text = Files.readString(input.resolve(DETAILS));
    Files.writeString(input.resolve(DETAILS), text.substring(0, text.indexOf("\"RoleName\": \"deploy\"")) + "\"RoleName\" \"deploy\"");

    ImportReport report = importPath(graph, input, Optional.empty());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().getFirst().location()).isEqualTo(DETAILS + "#/RoleDetailList/1/RoleName");
    assertThat(report.errors().getFirst().message()).startsWith("malformed JSON at line")
        .contains("expected ':' after a member name").doesNotContain("Jackson").doesNotContain("JsonParse");
    assertThat(nodes()).isZero();
  }

  @Test
  void aTrustPolicyThatIsNotJsonAndAFieldOfTheWrongTypeAreErrorsWhereTheyAre(Graph graph) throws IOException {
    Path input = copy(ACME, dir.resolve("wrong"));
    ObjectNode details = (ObjectNode) JSON.readTree(input.resolve(DETAILS).toFile());
    ((ObjectNode) details.get("RoleDetailList").get(1)).put("AssumeRolePolicyDocument", "%7B%22Version%22%3A%20oops");
    ((ObjectNode) details.get("RoleDetailList").get(2)).put("AssumeRolePolicyDocument", 42);
    ((ObjectNode) details.get("UserDetailList").get(0)).put("Arn", 7);
    ((ObjectNode) details.get("RoleDetailList").get(3).get("AssumeRolePolicyDocument").get("Statement").get(0))
        .put("Action", true);
    JSON.writeValue(input.resolve(DETAILS).toFile(), details);
    Files.writeString(input.resolve("credential-report.csv"),
        Files.readString(input.resolve("credential-report.csv")).replace("2024-02-02T09:00:00+00:00", "yesterday"));

    ImportReport report = importPath(graph, input, Optional.empty());

    assertThat(report.status()).isEqualTo(ImportReport.Status.FAILED);
    assertThat(report.errors()).extracting(ImportMessage::location, ImportMessage::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(DETAILS + "#/UserDetailList/0/Arn", "'Arn' must be a string, got a number"),
        org.assertj.core.groups.Tuple.tuple(DETAILS + "#/RoleDetailList/1/AssumeRolePolicyDocument",
            "'AssumeRolePolicyDocument' is not a JSON policy document once URL-decoded: unexpected word 'oops': expected"
                + " a string, a number, an object, an array, true, false or null (text goes in double quotes)"),
        org.assertj.core.groups.Tuple.tuple(DETAILS + "#/RoleDetailList/2/AssumeRolePolicyDocument",
            "'AssumeRolePolicyDocument' must be a policy document (a JSON object, or its URL-encoded text), got a number"),
        org.assertj.core.groups.Tuple.tuple(DETAILS + "#/RoleDetailList/3/AssumeRolePolicyDocument/Statement/0/Action",
            "'Action' must be a string or an array of strings, got a boolean"),
        org.assertj.core.groups.Tuple.tuple("credential-report.csv:4:20",
            "'cert_1_last_rotated' must be a date and time (2019-05-07T15:35:55+00:00) or N/A, got 'yesterday'"));
    assertThat(nodes()).isZero();
  }

  /**
   * Found by RealFormatsFuzzTest: an id the model's checks refuse (a control character in an ARN) was
   * located at the input as a whole, not at its role (and, for an upload, which has no name, nowhere: " (id)").
   */
  @Test
  void anIdTheChecksRefuseIsLocatedAtItsRoleAlsoInAnUpload(Graph graph) throws IOException {
    Path input = copy(ACME, dir.resolve("control"));
    ObjectNode details = (ObjectNode) JSON.readTree(input.resolve(DETAILS).toFile());
    ((ObjectNode) details.get("RoleDetailList").get(1)).put("Arn", ACCT + "role/de\u0000ploy");
    JSON.writeValue(input.resolve(DETAILS).toFile(), details);
    Importer importer = new Importer(graph, ImportSettings.defaults());

    ImportReport named = importer.importPath(input.resolve(DETAILS), DETAILS, Optional.of("s"),
        io.blastgate.importer.input.InputChoice.DETECT, ImportProgress.none());
    ImportReport upload = importer.importPath(input.resolve(DETAILS), "", Optional.of("s"),
        io.blastgate.importer.input.InputChoice.DETECT, ImportProgress.none());
    Files.writeString(input.resolve(DETAILS), "[]");
    ImportReport notAnObject = importer.importPath(input.resolve(DETAILS), "", Optional.of("s"),
        new io.blastgate.importer.input.InputChoice(Optional.of("aws-iam"), java.util.Map.of()), ImportProgress.none());

    // (The roles that trusted it name an id that is now nowhere: errors too, at their trust policies.)
    assertThat(named.errors()).extracting(ImportMessage::location).contains(DETAILS + "#/RoleDetailList/1 (id)");
    assertThat(upload.errors()).filteredOn(e -> e.location().equals("/RoleDetailList/1 (id)"))
        .singleElement().satisfies(e -> assertThat(e.message()).contains("control character"));
    assertThat(notAnObject.errors()).extracting(ImportMessage::location, ImportMessage::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("input", "an AWS output is one JSON object, got something else"));
    assertThat(nodes()).isZero();
  }

  @Test
  void importingTwiceChangesNothingAndANewVersionRemovesWhatIsGone(Graph graph) throws IOException {
    Path input = copy(ACME, dir.resolve("v1"));
    assertThat(importPath(graph, input, Optional.empty()).errors()).isEmpty();
    GraphSnapshot first = GraphSnapshot.take();

    ImportReport again = importPath(graph, input, Optional.empty());
    assertThat(again.counts().writtenEntities()).isZero();
    assertThat(again.counts().writtenRelationships()).isZero();
    assertThat(GraphSnapshot.take()).isEqualTo(first);

    // Version 2: the role 'deploy' is deleted (with the trust that named it) and so is a function.
    ObjectNode details = (ObjectNode) JSON.readTree(input.resolve(DETAILS).toFile());
    var roles = (com.fasterxml.jackson.databind.node.ArrayNode) details.get("RoleDetailList");
    roles.remove(1);
    JsonNode alice = roles.get(1).get("AssumeRolePolicyDocument").get("Statement").get(0);
    ((ObjectNode) roles.get(1).get("AssumeRolePolicyDocument")).putArray("Statement").add(alice);
    JSON.writeValue(input.resolve(DETAILS).toFile(), details);
    ObjectNode functions = (ObjectNode) JSON.readTree(input.resolve("lambda-list-functions.json").toFile());
    ((com.fasterxml.jackson.databind.node.ArrayNode) functions.get("Functions")).remove(2);
    JSON.writeValue(input.resolve("lambda-list-functions.json").toFile(), functions);

    ImportReport v2 = importPath(graph, input, Optional.empty());

    assertThat(v2.errors()).isEmpty();
    assertThat(pairs("MATCH (n:Entity) WHERE n.id IN ['" + ACCT + "role/deploy', 'arn:aws:iam::444455556666:root',"
        + " '" + ACCT + "role/thumbnails-exec', 'arn:aws:lambda:us-east-1:111122223333:function:thumbnails']"
        + " RETURN n.id AS a, '' AS b")).isEmpty();
    assertThat(pairs("MATCH (a)-[:CAN_ASSUME]->(b {id: '" + ACCT + "role/admin'}) RETURN a.id AS a, b.id AS b"))
        .containsExactly(List.of(ACCT + "user/alice", ACCT + "role/admin"));
    assertThat(v2.counts().removedNodes()).isEqualTo(4);
  }

  private static long nodes() {
    return TestGraph.database().executeTransactionally("MATCH (n:Entity) RETURN count(n) AS n", java.util.Map.of(),
        r -> (Long) r.next().get("n"));
  }
}
