package io.blastgate.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before a request reaches Javalin (a malformed request line, headers
 * too large, a URI Jetty refuses), also leave as problem documents with a request id, never as Jetty's
 * HTML page.
 */
final class JettyProblems extends ErrorHandler {
  private final ObjectMapper json;

  JettyProblems(ObjectMapper json) {
    this.json = json;
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws IOException {
    String requestId = RequestIds.newId();
    response.getHeaders().put(RequestIds.HEADER, requestId);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
    String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
    response.write(true, ByteBuffer.wrap(body(code, path == null ? "" : path, requestId)), callback);
  }

  private byte[] body(int status, String path, String requestId) {
    ProblemType type = typeOf(status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", status);
    body.put("detail", type == ProblemType.INTERNAL_ERROR ? ProblemMapper.INTERNAL_DETAIL : "the request is malformed or too large");
    body.put("instance", path);
    body.put("request_id", requestId);
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemType typeOf(int status) {
    return switch (status) {
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
      case 503 -> ProblemType.GRAPH_UNAVAILABLE;
      default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
    };
  }
}
