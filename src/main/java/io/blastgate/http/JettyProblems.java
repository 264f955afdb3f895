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
 * Errors that Jetty answers itself, before a request reaches Javalin (a malformed request line, a URI
 * too long, headers too large), also leave as problem documents of api/problems.md with a request id:
 * the status is always the problem type's, the words are ours, and {@code instance} is the request's
 * path, or absent when Jetty could not read one (it then names the request {@code BAD /badMessage}).
 */
final class JettyProblems extends ErrorHandler {
  /** How Jetty names a request whose request line it could not read. */
  private static final String UNREAD_METHOD = "BAD";

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
    ProblemType type = typeOf(code);
    String requestId = RequestIds.newId();
    response.setStatus(type.status());
    response.getHeaders().put(RequestIds.HEADER, requestId);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
    String path = UNREAD_METHOD.equals(request.getMethod()) || request.getHttpURI() == null
        ? null
        : request.getHttpURI().getPath();
    int headerBytes = request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize();
    response.write(true, ByteBuffer.wrap(body(type, detail(type, headerBytes), path, requestId)), callback);
  }

  private byte[] body(ProblemType type, String detail, String path, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    if (path != null) {
      body.put("instance", path);
    }
    body.put("request_id", requestId);
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String detail(ProblemType type, int headerBytes) {
    String bound = "; the request line and the headers may hold " + headerBytes + " bytes in all";
    return switch (type) {
      case URI_TOO_LONG -> "the request's URI is too long" + bound;
      case HEADERS_TOO_LARGE -> "the request's headers are too large" + bound;
      case INTERNAL_ERROR -> ProblemMapper.INTERNAL_DETAIL;
      case GRAPH_UNAVAILABLE -> "the service cannot answer now; try again later";
      default -> "the request is malformed (its request line, a header, or its HTTP version)";
    };
  }

  /** The problem type of Jetty's status; a client error of no type of ours is a bad request. */
  private static ProblemType typeOf(int status) {
    return switch (status) {
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 414 -> ProblemType.URI_TOO_LONG;
      case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
      case 431 -> ProblemType.HEADERS_TOO_LARGE;
      case 503 -> ProblemType.GRAPH_UNAVAILABLE;
      default -> status >= 500 && status != 505 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
    };
  }
}
