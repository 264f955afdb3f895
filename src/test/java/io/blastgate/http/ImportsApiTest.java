package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.testing.TestGraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Imports over real HTTP: what a SOAR playbook or an inventory script does. */
@ExtendWith(TestGraph.class)
class ImportsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @Test
  void aBundleImportedOverHttpIsWhatTheBlastRadiusThenSees() throws Exception {
    HttpResponse<String> r = importFile("scenario-worked-example", "fixtures/scenarios/worked-example/bundle.json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("status").asText()).isEqualTo("succeeded");
    assertThat(report.at("/counts/workloads").asInt()).isEqualTo(4);

    JsonNode br = JSON.readTree(api.get("/api/v1/blast-radius?target=id%3Astripe-sa", "viewer").body());
    assertThat(br.at("/summary/total").asInt()).isEqualTo(4);
  }

  @Test
  void anInvalidBundleListsEveryErrorAndWritesNothing() throws Exception {
    HttpResponse<String> r = importFile("fixture-many-errors", "fixtures/invalid/many-errors.json");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.get("type").asText()).endsWith("/invalid-import");
    assertThat(problem.get("error_count").asInt()).isGreaterThanOrEqualTo(6);
    assertThat(problem.at("/report/errors").size()).isEqualTo(problem.get("error_count").asInt());
    assertThat(problem.at("/report/errors/0/location").asText()).startsWith("/");
    assertThat(nodeCount()).isZero();
  }

  @Test
  void aSourceThatDisagreesWithTheBundleIsRefused() throws Exception {
    HttpResponse<String> r = importFile("someone-else", "fixtures/scenarios/worked-example/bundle.json");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(r.body()).at("/report/errors/0/location").asText()).isEqualTo("/source");
    assertThat(nodeCount()).isZero();
  }

  @Test
  void aZipOfCsvFilesImportsLikeItsJson() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (String f : new String[] {"identities.csv", "credentials.csv", "workloads.csv", "owners.csv"}) {
        out.putNextEntry(new ZipEntry(f));
        out.write(Files.readAllBytes(Path.of("fixtures/csv/worked-example").resolve(f)));
        out.closeEntry();
      }
    }
    HttpResponse<String> r =
        api.post(
            "/api/v1/imports?format=bundle&source=scenario-worked-example",
            "importer",
            "application/zip",
            zip.toByteArray());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode br = JSON.readTree(api.get("/api/v1/blast-radius?target=cred%3Astripe-key", "viewer").body());
    assertThat(br.at("/summary/total").asInt()).isEqualTo(4);
    assertThat(br.at("/summary/unowned").asInt()).isEqualTo(1);
  }

  @Test
  void badQueryParametersAreClearBadRequests() throws Exception {
    byte[] body = Files.readAllBytes(Path.of("fixtures/scenarios/worked-example/bundle.json"));
    HttpResponse<String> format = api.post("/api/v1/imports?format=k8s&source=x", "importer", "application/json", body);
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(format.body()).get("detail").asText()).contains("format");
    HttpResponse<String> source =
        api.post("/api/v1/imports?format=bundle&source=a%40b", "importer", "application/json", body);
    assertThat(source.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(source.body()).get("detail").asText()).contains("source");
  }

  /** They were stored as '?': two workloads became one node, and a credential met an existing one with a 500. */
  @Test
  void idsThatDifferOnlyInLoneSurrogatesAreRefusedWhereTheyStandNotMerged() throws Exception {
    TestGraph.database().executeTransactionally(
        "CREATE (:Entity:Credential {id: 'fz:cred/?x', kind: 'api_token', sources: ['vault']})");
    String bundle = """
        {"format": "blastgate.bundle/v1", "source": "fz",
         "workloads": [{"id": "fz:wl/\\ud800x", "kind": "service"}, {"id": "fz:wl/\\udbffx", "kind": "service"}],
         "credentials": [{"id": "fz:cred/\\ud800x", "kind": "api_token"}]}
        """;
    HttpResponse<String> r = api.post("/api/v1/imports?format=bundle&source=fz", "importer", "application/json",
        bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    JsonNode problem = ProblemsTest.assertProblem(r, 422, "invalid-import");
    assertThat(problem.at("/report/errors").findValuesAsText("location"))
        .containsExactly("/workloads/0/id", "/workloads/1/id", "/credentials/0/id");
    assertThat(nodeCount()).isEqualTo(1);
  }

  /** The upload's own file is the server's business: an entry is named by its path inside the archive. */
  @Test
  void anArchivesEntryIsNamedByItsPathInsideItNeverByTheServersFile() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("owners.csv"));
      out.write("id,kind\nteam:a,team\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("../evil.csv"));
      out.closeEntry();
    }
    HttpResponse<String> r = api.post("/api/v1/imports?format=bundle&source=s", "importer", "application/zip", zip.toByteArray());

    JsonNode problem = ProblemsTest.assertProblem(r, 422, "invalid-import");
    assertThat(problem.at("/report/errors/0/location").asText()).isEqualTo("../evil.csv");
    assertThat(problem.at("/report/errors/0/message").asText()).startsWith("an entry outside the archive's folder");
    assertThat(r.body()).doesNotContain("blastgate-upload", ".zip");
  }

  /** A zip bomb in miniature (9 MiB of spaces in a few KB): the bound is the upload limit (8 MiB here), and it is said. */
  @Test
  void anArchiveThatUnpacksBeyondTheUploadLimitIsRefusedWithTheBound() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("bundle.json"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 9; i++) {
        out.write(spaces);
      }
    }
    assertThat(zip.size()).isLessThan(64 * 1024);
    HttpResponse<String> r = api.post("/api/v1/imports?format=bundle&source=s", "importer", "application/zip", zip.toByteArray());

    JsonNode problem = ProblemsTest.assertProblem(r, 422, "invalid-import");
    assertThat(problem.at("/report/errors/0/location").asText()).isEqualTo("bundle.json");
    assertThat(problem.at("/report/errors/0/message").asText())
        .isEqualTo("the archive unpacks to more than 8388608 bytes, the most an import may hold (the upload limit);"
            + " nothing was imported");
  }

  @Test
  void manifestsInYamlAreRecognisedWithoutAFormatAndTakeTheirClusterAsAParameter() throws Exception {
    byte[] manifests = Files.readAllBytes(
        Path.of("importers/kubernetes/samples/GoogleCloudPlatform__microservices-demo/release/kubernetes-manifests.yaml"));
    HttpResponse<String> r = api.post("/api/v1/imports?source=boutique&cluster=prod", "importer", "application/yaml",
        manifests);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("format").asText()).isEqualTo("kubernetes");
    assertThat(report.at("/counts/workloads").asInt()).isEqualTo(12);
    assertThat(report.at("/warnings/0/message").asText()).startsWith("not mapped: 12 Service");

    JsonNode br = JSON.readTree(api.get("/api/v1/blast-radius?target="
        + java.net.URLEncoder.encode("k8s:prod/default/serviceaccount/cartservice", java.nio.charset.StandardCharsets.UTF_8),
        "viewer").body());
    assertThat(br.at("/impacted/0/id").asText()).isEqualTo("k8s:prod/default/deployment/cartservice");

    HttpResponse<String> bundle = api.post("/api/v1/imports?source=x&format=bundle&cluster=prod", "importer",
        "application/json", Files.readAllBytes(Path.of("fixtures/scenarios/worked-example/bundle.json")));
    JsonNode problem = ProblemsTest.assertProblem(bundle, 422, "invalid-import");
    assertThat(problem.at("/report/errors/0/location").asText()).isEqualTo("cluster");
  }

  @Test
  void aCodeownersFileIsImportedAsTextWithItsRepositoryAsAParameter() throws Exception {
    byte[] file = Files.readAllBytes(Path.of("importers/codeowners/samples/argoproj__argo-cd/CODEOWNERS"));
    HttpResponse<String> r = api.post("/api/v1/imports?format=codeowners&source=argo-owners&repository="
        + "github.com/argoproj/argo-cd", "importer", "text/plain", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("format").asText()).isEqualTo("codeowners");
    assertThat(report.at("/counts/owners").asInt()).isEqualTo(5);

    // Left out, the format is recognised from the text; without the repository it is refused.
    HttpResponse<String> detected = api.post("/api/v1/imports?source=argo-owners", "importer", "text/plain", file);
    JsonNode problem = ProblemsTest.assertProblem(detected, 422, "invalid-import");
    assertThat(problem.at("/report/format").asText()).isEqualTo("codeowners");
    assertThat(problem.at("/report/errors/0/message").asText())
        .startsWith("a CODEOWNERS file does not say which repository it describes");
  }

  private static HttpResponse<String> importFile(String source, String file) throws IOException {
    return api.post(
        "/api/v1/imports?format=bundle&source=" + source,
        "importer",
        "application/json",
        Files.readAllBytes(Path.of(file)));
  }

  private static long nodeCount() {
    return TestGraph.database()
        .executeTransactionally(
            "MATCH (n) WHERE NOT n:Migration RETURN count(n) AS c", java.util.Map.of(), res -> (Long) res.next().get("c"));
  }
}
