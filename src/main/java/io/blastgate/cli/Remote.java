package io.blastgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.error.BlastgateException.Forbidden;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.error.BlastgateException.Unauthenticated;
import io.blastgate.error.BlastgateException;
import io.blastgate.error.Redacted;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.wire.ActionJson;
import io.blastgate.wire.AuditJson;
import io.blastgate.wire.BlastRadiusJson;
import io.blastgate.wire.EntityJson;
import io.blastgate.wire.ImportReportJson;
import io.blastgate.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A running blastgate server, asked over its HTTP API with a bearer token: the same answers, in the same
 * wire shapes, as the command computes offline. A problem the server answers becomes the error the
 * command would have raised itself (its detail is already worded for a person), so that the exit codes
 * stay the same; a server that cannot be reached is "unavailable" (exit 3). The token is never printed.
 */
record Remote(URI base, String token) {
  private static final ObjectMapper JSON = Json.mapper();

  Remote {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(token, "token");
  }

  /** {@code GET /api/v1/blast-radius}. */
  BlastRadiusJson blastRadius(String target, Integer maxHops) {
    String query = "target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
        + (maxHops == null ? "" : "&max_hops=" + maxHops);
    return get("/api/v1/blast-radius?" + query, BlastRadiusJson.class);
  }

  /** {@code GET /api/v1/entities?q=…}: one page of search hits. */
  EntityJson.Page search(String text, String label, int limit) {
    String query = "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&limit=" + limit
        + (label == null ? "" : "&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8));
    return get("/api/v1/entities?" + query, EntityJson.Page.class);
  }

  /** {@code GET /api/v1/entities?id=…}: one entity with its owners and neighbours. */
  EntityJson.Detail entity(String id) {
    return get("/api/v1/entities?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8), EntityJson.Detail.class);
  }

  /** {@code GET /api/v1/audit?limit=1}: the verdict on the whole chain (and the first entry). */
  AuditJson audit() {
    return get("/api/v1/audit?limit=1", AuditJson.class);
  }

  /** {@code GET /api/v1/audit/export}: every entry as JSON lines, copied to {@code out} as they come. */
  void exportAudit(java.io.OutputStream out) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/export"))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<java.io.InputStream> response;
    try {
      HttpClient client = "https".equalsIgnoreCase(base.getScheme()) ? Tls.CLIENT : Plain.CLIENT;
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new GraphUnavailable("cannot reach blastgate at " + Redacted.uri(base), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphUnavailable("interrupted while asking blastgate at " + Redacted.uri(base), e);
    }
    try (java.io.InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw problem(response.statusCode(), JSON.readTree(body));
      }
      body.transferTo(out);
    }
  }

  /**
   * {@code POST /api/v1/imports}: one document as the given source. An import the server refused is
   * an outcome (its report lists the errors), not an error.
   */
  RemoteImport.Outcome importDocument(Path document, String mediaType, String source, InputChoice choice)
      throws IOException {
    StringBuilder query = new StringBuilder("/api/v1/imports?source=").append(URLEncoder.encode(source, StandardCharsets.UTF_8));
    choice.format().ifPresent(f -> query.append("&format=").append(URLEncoder.encode(f, StandardCharsets.UTF_8)));
    choice.options().forEach((name, value) -> query.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + query.toString()))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", mediaType)
            .POST(HttpRequest.BodyPublishers.ofFile(document))
            .build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() == 422) {
      JsonNode problem = JSON.readTree(response.body());
      return new RemoteImport.Outcome(
          JSON.treeToValue(problem.path("report"), ImportReportJson.class), problem.path("error_count").asLong());
    }
    return new RemoteImport.Outcome(read(response, ImportReportJson.class), 0);
  }

  /** {@code POST /api/v1/actions}: a request through the gate, with its decision. */
  ActionJson act(Map<String, Object> body) {
    return post("/api/v1/actions", body, ActionJson.class);
  }

  /** {@code GET /api/v1/actions?status=…}: requests, newest first. */
  ActionJson.Page actions(String status, int limit) {
    return get("/api/v1/actions?limit=" + limit + (status == null ? "" : "&status=" + status), ActionJson.Page.class);
  }

  /** {@code POST /api/v1/actions/{id}/approve|reject|rollback}, with an optional comment. */
  ActionJson onRequest(String id, String verb, String comment) {
    return post("/api/v1/actions/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + verb,
        comment == null ? Map.of() : Map.of("comment", comment), ActionJson.class);
  }

  private <T> T post(String path, Object body, Class<T> type) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(120))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
              .build();
      return read(send(request), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T get(String pathAndQuery, Class<T> type) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    return read(send(request), type);
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      HttpClient client = "https".equalsIgnoreCase(base.getScheme()) ? Tls.CLIENT : Plain.CLIENT;
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new GraphUnavailable("cannot reach blastgate at " + Redacted.uri(base) + " (" + e.getClass().getSimpleName()
          .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphUnavailable("interrupted while asking blastgate at " + Redacted.uri(base), e);
    }
  }

  private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
    try {
      if (response.statusCode() / 100 == 2) {
        return JSON.readValue(response.body(), type);
      }
      throw problem(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new GraphUnavailable(
          Redacted.uri(base) + " answered " + response.statusCode() + " with a body that is not blastgate's JSON", e);
    }
  }

  /** The server's problem document as the error the command would raise itself. */
  private BlastgateException problem(int status, JsonNode body) {
    String detail = body.path("detail").asText("the server answered " + status);
    return switch (status) {
      case 401 -> new Unauthenticated("the server refused the token: " + detail);
      case 403 -> new Forbidden(detail);
      case 409 -> new BlastgateException.Conflict(detail);
      case 503 -> new GraphUnavailable(detail, null);
      default -> status >= 500
          ? new GraphUnavailable("the server failed (" + status + "): " + detail
              + "; request id " + body.path("request_id").asText("unknown"), null)
          : new InvalidInput(detail);
    };
  }

  /*
   * One client per scheme, each made on first use. The JDK's client loads the JDK's trust store when it
   * is built, whatever the scheme: a fifth of a second of a command that asks a server for one answer.
   * A server over plain http (the loopback of the docs) is asked by a client whose TLS context trusts
   * nothing and was built without that store; it never makes a TLS connection (it follows no redirects).
   */
  private static final class Tls {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static final class Plain {
    static final HttpClient CLIENT =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(trustingNothing()).build();

    private static javax.net.ssl.SSLContext trustingNothing() {
      try {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[0], new javax.net.ssl.TrustManager[0], null);
        return context;
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("no TLS context", e);
      }
    }
  }
}
