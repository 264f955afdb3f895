package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.blastgate.graph.Graph;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real responses, validated against api/openapi.yaml: status, headers, content type and body, for
 * successes and problems alike.
 */
@ExtendWith(TestGraph.class)
class ContractTest {
  private static OpenApiInteractionValidator validator;
  @RegisterExtension static final TestApi api = TestApi.onTestGraph();

  @BeforeAll
  static void start() throws IOException {
    validator = validator();
  }

  static synchronized OpenApiInteractionValidator validator() throws IOException {
    if (validator == null) {
      validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(
                  Files.readString(Path.of("api/openapi.yaml")))
              .build();
    }
    return validator;
  }

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
  }

  @Test
  void health() {
    assertValid(call("/api/v1/health", null), 200);
  }

  @Test
  void openApiDocumentIsServedByteForByte() throws IOException {
    HttpResponse<String> r = call("/api/v1/openapi.yaml", null);
    assertValid(r, 200);
    assertThat(r.body()).isEqualTo(Files.readString(Path.of("api/openapi.yaml")));
  }

  @Test
  void entityLookups() {
    for (String id : List.of("cred:stripe-key", "id:stripe-sa", "wl:checkout", "team:payments", "person:ana")) {
      assertValid(call("/api/v1/entities?id=" + EntitiesApiTest.enc(id), "viewer"), 200);
    }
  }

  @Test
  void searches() {
    assertValid(call("/api/v1/entities?q=stripe", "viewer"), 200);
    assertValid(call("/api/v1/entities?q=stripe&label=Credential&limit=1&offset=1", "viewer"), 200);
    assertValid(call("/api/v1/entities?q=nothing", "viewer"), 200);
  }

  @Test
  void imports() throws IOException {
    byte[] valid = Files.readAllBytes(Path.of("fixtures/scenarios/worked-example/bundle.json"));
    byte[] invalid = Files.readAllBytes(Path.of("fixtures/invalid/many-errors.json"));
    // Responses only: the request body is a file the client sent, not something this test builds.
    assertValidResponse(
        api.post("/api/v1/imports?format=bundle&source=scenario-worked-example", "importer", "application/json", valid),
        200);
    assertValidResponse(
        api.post("/api/v1/imports?format=bundle&source=invalid-many-errors", "importer", "application/json", invalid),
        422);
    assertValidResponse(
        api.post("/api/v1/imports?format=csv&source=x", "importer", "application/json", valid), 400);
    assertValidResponse(
        api.post("/api/v1/imports?format=bundle&source=x", "importer", "text/html", valid), 415);
  }

  @Test
  void blastRadii() {
    for (String id : List.of("cred:stripe-key", "id:stripe-sa", "wl:storefront")) {
      assertValid(call("/api/v1/blast-radius?target=" + EntitiesApiTest.enc(id), "viewer"), 200);
    }
    assertValid(call("/api/v1/blast-radius?target=cred%3Astripe-key&max_hops=10", "viewer"), 200);
    assertValid(call("/api/v1/blast-radius?target=cred%3Anope", "viewer"), 404);
    assertValidResponse(call("/api/v1/blast-radius?target=team%3Apayments", "viewer"), 400);
    // A responder may ask one answer for fewer hops than the safety bound, down to 0 (direct only).
    assertValid(call("/api/v1/blast-radius?target=cred%3Astripe-key&max_hops=0", "viewer"), 200);
    assertValidResponse(call("/api/v1/blast-radius?target=cred%3Astripe-key&max_hops=-1", "viewer"), 400);
    assertValidResponse(call("/api/v1/blast-radius", "viewer"), 400);
  }

  @Test
  void problems() {
    assertValid(call("/api/v1/entities?id=" + EntitiesApiTest.enc("wl:chekout"), "viewer"), 404);
    // The requests below break the contract on purpose: only their responses are checked.
    assertValidResponse(call("/api/v1/entities?q=a&limit=0", "viewer"), 400);
    assertValidResponse(call("/api/v1/entities", "viewer"), 400);
    assertValidResponse(call("/api/v1/entities?q=a", null), 401);
    assertValidResponse(call("/api/v1/entities?q=a", "importer"), 403);
  }

  /** The validator really checks bodies against the schemas: a stray, renamed or mistyped field fails. */
  @Test
  void theValidatorCatchesADriftingBody() {
    String page = call("/api/v1/entities?q=stripe", "viewer").body();
    String detail = call("/api/v1/entities?id=cred:stripe-key", "viewer").body();
    String[][] drifts = {
      {page, "\"next_offset\":null", "\"next_offset\":null,\"total\":4"},
      {page, "\"limit\":50", "\"limit\":\"50\""},
      {page, "\"next_offset\":null", "\"nextOffset\":null"},
      {page, "\"label\":\"Credential\"", "\"label\":\"CREDENTIAL\""},
      {detail, "\"expires_at\":null", "\"expires_at\":5"},
      {detail, "\"expires_at\":null", "\"expires_at\":null,\"secret_value\":\"x\""},
      {detail, "\"neighbours_truncated\":false", "\"neighbours_truncated\":\"no\""},
      {detail, "\"first_seen\":\"2026-11-01T08:30:00Z\"", "\"first_seen\":null"},
      {detail, "\"direction\":\"out\"", "\"direction\":\"outgoing\""},
    };
    for (String[] drift : drifts) {
      String body = drift[0].replace(drift[1], drift[2]);
      assertThat(body).as(drift[2]).isNotEqualTo(drift[0]);
      SimpleResponse drifted =
          SimpleResponse.Builder.status(200).withContentType("application/json").withBody(body).build();
      assertThat(validator.validateResponse("/api/v1/entities", Request.Method.GET, drifted).getMessages())
          .as(drift[2])
          .isNotEmpty();
    }
  }

  private static HttpResponse<String> call(String pathAndQuery, String token) {
    return token == null ? api.get(pathAndQuery, null) : api.get(pathAndQuery, token);
  }

  private static void assertValid(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    ValidationReport report = validator.validate(toRequest(r.request()), toResponse(r));
    assertThat(report.getMessages()).as(r.request().uri() + " -> " + r.body()).isEmpty();
  }

  /** Checks the response only: for requests that break the contract on purpose, or other test classes. */
  static void assertValidResponse(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    ValidationReport report;
    try {
      report = validator().validateResponse(
            r.request().uri().getPath(), Request.Method.valueOf(r.request().method()), toResponse(r));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(report.getMessages()).as(r.request().uri() + " -> " + r.body()).isEmpty();
  }

  private static Request toRequest(HttpRequest request) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(request.method(), request.uri().getPath());
    String query = request.uri().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        b.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    request.headers().map().forEach((name, values) -> b.withHeader(name, values));
    return b.build();
  }

  private static SimpleResponse toResponse(HttpResponse<String> r) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.statusCode()).withBody(r.body());
    for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
      b.withHeader(h.getKey(), h.getValue());
    }
    return b.build();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
