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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

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
    HttpURLConnection connection = open("/api/v1/audit/export", Duration.ofMinutes(30));
    try {
      int status = status(connection);
      if (status != 200) {
        throw problem(status, JSON.readTree(body(connection, status)));
      }
      try (InputStream body = connection.getInputStream()) {
        body.transferTo(out);
      }
    } finally {
      connection.disconnect();
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
    HttpURLConnection connection = open(query.toString(), Duration.ofMinutes(30));
    Response response;
    try {
      connection.setRequestProperty("Content-Type", mediaType);
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(Files.size(document));
      response = exchange(connection, out -> Files.copy(document, out));
    } finally {
      connection.disconnect();
    }
    if (response.status() == 422) {
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
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return call(path, Duration.ofSeconds(120), json, type);
  }

  private <T> T get(String pathAndQuery, Class<T> type) {
    return call(pathAndQuery, Duration.ofSeconds(60), null, type);
  }

  /** One request with an optional JSON body, its answer read whole and the connection closed. */
  private <T> T call(String pathAndQuery, Duration timeout, byte[] json, Class<T> type) {
    HttpURLConnection connection = open(pathAndQuery, timeout);
    Response response;
    try {
      connection.setRequestProperty("Accept", "application/json");
      if (json != null) {
        // Buffered, not streamed: a JSON body is small, and a streamed one would hide a 401's answer.
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
      }
      response = exchange(connection, json == null ? null : out -> out.write(json));
    } finally {
      connection.disconnect();
    }
    return read(response, type);
  }

  /** A status and the whole body, an error's included. */
  private record Response(int status, byte[] body) {}

  private interface Upload {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A connection to the server with the token, that follows no redirect (the token goes to this server
   * only). The JDK's {@code HttpURLConnection}, not its {@code HttpClient}: a command asks one thing
   * and exits, and the {@code HttpClient} costs a client process about half a second (its classes, its
   * selector thread, and the JVM's exit waiting up to 300 ms for that thread, which sits in native code).
   * Plain http never loads the trust store; https uses the JDK's, as before.
   */
  private HttpURLConnection open(String pathAndQuery, Duration timeout) {
    HttpURLConnection connection;
    try {
      connection = (HttpURLConnection) URI.create(base + pathAndQuery).toURL().openConnection();
    } catch (IOException e) {
      throw unreachable(e);
    }
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
    connection.setReadTimeout((int) timeout.toMillis());
    connection.setRequestProperty("Authorization", "Bearer " + token);
    connection.setRequestProperty("Accept", "*/*");
    return connection;
  }

  private Response exchange(HttpURLConnection connection, Upload upload) {
    try {
      if (upload != null) {
        try (OutputStream out = connection.getOutputStream()) {
          upload.writeTo(out);
        }
      }
      int status = status(connection);
      return new Response(status, body(connection, status));
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private int status(HttpURLConnection connection) {
    try {
      return connection.getResponseCode();
    } catch (java.net.HttpRetryException e) {
      // A streamed upload that the server refused with 401: the JDK keeps the status, not the body.
      return e.responseCode();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /** The body of any answer; an error's comes from the error stream, and is {@code {}} when it has none. */
  private static byte[] body(HttpURLConnection connection, int status) throws IOException {
    if (status < 400) {
      try (InputStream in = connection.getInputStream()) {
        return in.readAllBytes();
      }
    }
    InputStream in = connection.getErrorStream();
    byte[] body = new byte[0];
    if (in != null) {
      try (in) {
        body = in.readAllBytes();
      }
    }
    return body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
  }

  private GraphUnavailable unreachable(IOException e) {
    return new GraphUnavailable("cannot reach blastgate at " + Redacted.uri(base) + " (" + e.getClass().getSimpleName()
        .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + ")", e);
  }

  private <T> T read(Response response, Class<T> type) {
    try {
      if (response.status() / 100 == 2) {
        return JSON.readValue(response.body(), type);
      }
      throw problem(response.status(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new GraphUnavailable(
          Redacted.uri(base) + " answered " + response.status() + " with a body that is not blastgate's JSON", e);
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
}
