package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.auth.Role;
import io.blastgate.testing.TestGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The error model of api/problems.md, over real HTTP: shape, request ids, 404/405/413/500, no leaks. */
class ProblemsTest {
  static final int MAX_BODY = 1024;
  static final int MAX_UPLOAD = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Echo(String name, int count) {}

  @RegisterExtension
  static final TestApi api =
      TestApi.onTestGraph()
          .withLimits(MAX_BODY, MAX_UPLOAD)
          .withRoutes(
              bodies ->
                  List.of(
                      ApiRoute.post("/api/v1/test/json", Role.VIEWER, ApiRoute.Body.JSON,
                          ctx -> ctx.json(bodies.readJson(ctx, Echo.class))),
                      ApiRoute.post("/api/v1/test/framework-body", Role.VIEWER, ApiRoute.Body.JSON,
                          ctx -> ctx.result(Integer.toString(ctx.body().length()))),
                      ApiRoute.post("/api/v1/test/upload", Role.IMPORTER, ApiRoute.Body.UPLOAD,
                          ctx -> {
                            try (SpooledUpload upload =
                                bodies.spoolUpload(ctx, Set.of("application/json", "application/zip"))) {
                              ctx.result(upload.bytes() + " " + upload.mediaType() + " "
                                  + upload.file().getFileName().toString().endsWith(".zip"));
                            }
                          }),
                      ApiRoute.post("/api/v1/test/spooled", Role.IMPORTER, ApiRoute.Body.UPLOAD,
                          ctx -> {
                            try (SpooledUpload upload = bodies.spoolUpload(ctx, Set.of("application/json"))) {
                              ctx.result(upload.file().getParent() + " "
                                  + PosixFilePermissions.toString(Files.getPosixFilePermissions(upload.file().getParent())) + " "
                                  + PosixFilePermissions.toString(Files.getPosixFilePermissions(upload.file())));
                            }
                          }),
                      ApiRoute.get("/api/v1/test/boom", Role.VIEWER,
                          ctx -> {
                            throw new IllegalStateException("secret internal message password=hunter2");
                          })));

  @Test
  void aProblemHasEveryFieldAndTheRequestIdOfItsHeader() throws IOException {
    HttpResponse<String> r = api.get("/api/v1/entities", "viewer");
    JsonNode p = assertProblem(r, 400, "bad-request");
    assertThat(p.get("title").asText()).isEqualTo("Bad request");
    assertThat(p.get("detail").asText()).isEqualTo("give exactly one of the query parameters 'id' and 'q'");
    assertThat(p.get("instance").asText()).isEqualTo("/api/v1/entities");
  }

  @Test
  void everyResponseHasARequestIdAndAPlainIncomingOneIsKept() {
    HttpResponse<String> ok = api.get("/api/v1/openapi.yaml", null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());

    HttpResponse<String> kept =
        api.send(api.request("/api/v1/nowhere").header("X-Request-Id", "trace-42.a_b").GET().build());
    assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("trace-42.a_b");
    assertThat(kept.body()).contains("\"request_id\":\"trace-42.a_b\"");

    for (String bad : List.of("has space", "x".repeat(65), "semi;colon", "ünï")) {
      HttpResponse<String> replaced =
          api.send(api.request("/api/v1/nowhere").header("X-Request-Id", bad).GET().build());
      assertThat(replaced.headers().firstValue("X-Request-Id")).get().isNotEqualTo(bad);
    }
  }

  @Test
  void unknownPathsAndWrongMethodsAreProblems() throws IOException {
    JsonNode notFound = assertProblem(api.get("/api/v1/nowhere", "admin"), 404, "not-found");
    assertThat(notFound.get("detail").asText()).isEqualTo("there is no GET /api/v1/nowhere");
    // Outside /api, only the console's files are served (ConsoleFilesTest); anything else is not found.
    assertProblem(api.get("/nowhere.html", null), 404, "not-found");
    assertProblem(api.get("/webjars/nowhere.js", null), 404, "not-found");

    HttpResponse<String> r =
        api.send(api.request("/api/v1/health").POST(BodyPublishers.noBody()).build());
    assertProblem(r, 405, "method-not-allowed");
    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    assertProblem(
        api.send(api.request("/api/v1/entities?id=x").method("DELETE", BodyPublishers.noBody()).build()),
        405, "method-not-allowed");
    // HEAD is not served (Javalin would answer it from the GET route without our guard knowing it).
    HttpResponse<String> head = api.send(api.request("/api/v1/health").HEAD().build());
    assertThat(head.statusCode()).isEqualTo(405);
    assertThat(head.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    String big = "{\"name\":\"" + "x".repeat(MAX_BODY) + "\",\"count\":1}";
    // With Content-Length: the guard refuses it before the handler runs.
    assertProblem(post("/api/v1/test/json", "viewer", "application/json", BodyPublishers.ofString(big)), 413, "payload-too-large");
    // Even a GET route holds any body to the JSON limit.
    HttpRequest get = api.request("/api/v1/entities?q=stripe").header("Authorization", "Bearer " + api.token("viewer"))
        .method("GET", BodyPublishers.ofString(big)).build();
    assertProblem(api.send(get), 413, "payload-too-large");
    // Without Content-Length (chunked): cut off while streaming, by our reader and by Javalin's.
    assertProblem(post("/api/v1/test/json", "viewer", "application/json", chunked(big)), 413, "payload-too-large");
    assertProblem(post("/api/v1/test/framework-body", "viewer", "application/json", chunked(big)), 413, "payload-too-large");
    // Under the limit, both work.
    HttpResponse<String> ok = post("/api/v1/test/json", "viewer", "application/json", chunked("{\"name\":\"a\",\"count\":2}"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("{\"name\":\"a\",\"count\":2}");
  }

  @Test
  void anUploadIsSpooledWithinItsLimitAndNothingStaysBehind() throws IOException {
    long before = spooledFiles();
    byte[] fits = new byte[MAX_UPLOAD];
    HttpResponse<String> ok = post("/api/v1/test/upload", "importer", "application/zip", BodyPublishers.ofByteArray(fits));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(MAX_UPLOAD + " application/zip true");
    HttpResponse<String> chunkedOk = post("/api/v1/test/upload", "importer", "application/json; charset=utf-8", chunked(new String(new char[1000]).replace('\0', ' ')));
    assertThat(chunkedOk.body()).isEqualTo("1000 application/json false");

    byte[] over = new byte[MAX_UPLOAD + 1];
    assertProblem(post("/api/v1/test/upload", "importer", "application/zip", BodyPublishers.ofByteArray(over)), 413, "payload-too-large");
    assertProblem(post("/api/v1/test/upload", "importer", "application/zip", chunked(over)), 413, "payload-too-large");
    assertThat(spooledFiles()).isEqualTo(before);

    JsonNode p = assertProblem(post("/api/v1/test/upload", "importer", "text/csv", BodyPublishers.ofString("a,b")), 415, "unsupported-media-type");
    assertThat(p.get("detail").asText()).isEqualTo("the body must be application/json or application/zip, not text/csv");
  }

  /** Uploads were spooled in the machine's shared temporary folder, where a crash left them. */
  @Test
  void anUploadIsSpooledInAFolderOfTheServicesOwnPrivateToItsUser() {
    HttpResponse<String> r = post("/api/v1/test/spooled", "importer", "application/json", BodyPublishers.ofString("{}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(api.spool() + " rwx------ rw-------");
  }

  @Test
  void aMalformedJsonBodyIsA400ThatPointsAtTheProblemInTermsOfTheDocument() throws IOException {
    JsonNode unknown = assertProblem(post("/api/v1/test/json", "viewer", "application/json",
        BodyPublishers.ofString("{\"name\":\"a\",\"count\":1,\"cuont\":1}")), 400, "bad-request");
    assertThat(unknown.get("detail").asText()).isEqualTo("at /cuont: unknown field 'cuont'");
    JsonNode wrongType = assertProblem(post("/api/v1/test/json", "viewer", "application/json",
        BodyPublishers.ofString("{\"name\":\"a\",\"count\":\"many\"}")), 400, "bad-request");
    assertThat(wrongType.get("detail").asText()).startsWith("at /count: ");
    JsonNode broken = assertProblem(post("/api/v1/test/json", "viewer", "application/json",
        BodyPublishers.ofString("{\"name\":")), 400, "bad-request");
    assertThat(broken.get("detail").asText()).startsWith("the body is not valid JSON");
    assertProblem(post("/api/v1/test/json", "viewer", "text/plain", BodyPublishers.ofString("{}")), 415, "unsupported-media-type");
  }

  @Test
  void anUnexpectedErrorIsAGeneric500AndTheLogHasTheRequestIdAndTheException() throws IOException {
    Logger logger = (Logger) LoggerFactory.getLogger(ProblemMapper.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      HttpResponse<String> r = api.get("/api/v1/test/boom", "viewer");
      JsonNode p = assertProblem(r, 500, "internal-error");
      assertThat(p.get("detail").asText()).isEqualTo(ProblemMapper.INTERNAL_DETAIL);
      assertThat(r.body()).doesNotContain("secret", "hunter2");
      String requestId = p.get("request_id").asText();
      assertThat(appender.list)
          .anySatisfy(
              e -> {
                assertThat(e.getFormattedMessage()).contains(requestId);
                assertThat(e.getThrowableProxy().getMessage()).contains("secret internal message");
              });
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void errorsJettyAnswersItselfAreProblemsToo() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).startsWith("HTTP/1.1 400");
      assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
      assertThat(response).containsIgnoringCase("X-Request-Id: ");
      assertThat(response).contains("\"type\":\"https://blastgate.io/problems/bad-request\"");
      assertThat(response).doesNotContain("<html", "Exception");
    }
  }

  /**
   * Jetty answers these itself; they were {@code bad-request} with status 414 or 431 and {@code
   * "instance":"/badMessage"}. Each is now its own documented type, its path when Jetty read one.
   */
  @Test
  void aUriTooLongAndHeadersTooLargeAreProblemsOfTheirOwnTypes() throws IOException {
    ContractTest.validator();
    HttpResponse<String> longUri = api.get("/api/v1/entities?q=" + "a".repeat(20_000), "viewer");
    JsonNode uri = assertJettyProblem(longUri, 414, "uri-too-long", "URI too long");
    assertThat(uri.has("instance")).as("the path was never read").isFalse();
    assertThat(uri.get("detail").asText())
        .isEqualTo("the request's URI is too long; the request line and the headers may hold 8192 bytes in all");
    ContractTest.assertValidResponse(longUri, 414);

    HttpResponse<String> bigHeaders =
        api.send(api.request("/api/v1/health").header("X-Padding", "b".repeat(20_000)).GET().build());
    JsonNode headers = assertJettyProblem(bigHeaders, 431, "headers-too-large", "Request headers too large");
    assertThat(headers.get("instance").asText()).isEqualTo("/api/v1/health");
    ContractTest.assertValidResponse(bigHeaders, 431);
  }

  private static JsonNode assertJettyProblem(HttpResponse<String> r, int status, String slug, String title) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("type").asText()).isEqualTo("https://blastgate.io/problems/" + slug);
    assertThat(p.get("title").asText()).isEqualTo(title);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("request_id").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(r.body()).doesNotContainIgnoringCase("jetty").doesNotContain("badMessage", "Exception");
    return p;
  }

  /** Checks the problem's shape and the absence of internals; returns its body. */
  static JsonNode assertProblem(HttpResponse<String> r, int status, String slug) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("type").asText()).isEqualTo("https://blastgate.io/problems/" + slug);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    assertThat(p.get("instance").asText()).isEqualTo(r.request().uri().getPath());
    assertThat(p.get("request_id").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(r.body()).doesNotContain("Exception", "\tat ", "java.", "org.neo4j", "io.blastgate.", "javalin", "jetty");
    return p;
  }

  private static HttpResponse<String> post(String path, String token, String contentType, HttpRequest.BodyPublisher body) {
    return api.send(
        api.request(path)
            .header("Authorization", "Bearer " + api.token(token))
            .header("Content-Type", contentType)
            .POST(body)
            .build());
  }

  /** A body without Content-Length: the client sends it chunked. */
  private static HttpRequest.BodyPublisher chunked(String text) {
    return chunked(text.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
    return BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes));
  }

  private static long spooledFiles() throws IOException {
    try (Stream<Path> files = Files.list(api.spool())) {
      return files.count();
    }
  }
}
