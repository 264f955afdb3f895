package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.testing.TestGraph;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The AWS IAM importer reached over real HTTP ({@code format=aws-iam}): an export, and then its blast radius. */
@ExtendWith(TestGraph.class)
class AwsIamApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ACME = Path.of("importers/aws-iam/samples/acme");
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @Test
  void aZippedExportImportsAndItsRolesBlastRadiusReachesTheFunctionsRunningAsIt() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip); var files = Files.list(ACME)) {
      for (Path f : files.sorted().toList()) {
        out.putNextEntry(new ZipEntry(f.getFileName().toString()));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    HttpResponse<String> r =
        api.post("/api/v1/imports?format=aws-iam&source=aws-acme", "importer", "application/zip", zip.toByteArray());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("format").asText()).isEqualTo("aws-iam");
    assertThat(report.get("warnings").size()).isPositive();
    String role = URLEncoder.encode("arn:aws:iam::111122223333:role/service-role/payments-lambda", StandardCharsets.UTF_8);
    JsonNode br = JSON.readTree(api.get("/api/v1/blast-radius?target=" + role, "viewer").body());
    assertThat(br.at("/summary/total").asInt()).isEqualTo(2);
  }

  @Test
  void theAuthorizationDetailsAloneImportAndAMalformedOneIsAnInvalidImportWithItsPointer() throws Exception {
    byte[] details = Files.readAllBytes(ACME.resolve("authorization-details.json"));
    HttpResponse<String> ok = api.post("/api/v1/imports?format=aws-iam&source=aws-acme", "importer", "application/json", details);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).at("/counts/identities").asInt()).isGreaterThan(8);

    String broken = new String(details, StandardCharsets.UTF_8).replace("\"Arn\": \"arn:aws:iam::111122223333:user/alice\"", "\"Arn\": 1");
    HttpResponse<String> bad = api.post("/api/v1/imports?format=aws-iam&source=aws-other", "importer", "application/json",
        broken.getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(bad.body()).at("/report/errors/0/location").asText()).isEqualTo("/UserDetailList/0/Arn");
  }
}
