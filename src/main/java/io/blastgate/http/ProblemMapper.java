package io.blastgate.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.error.BlastgateException.AlreadyContained;
import io.blastgate.error.BlastgateException.Conflict;
import io.blastgate.error.BlastgateException.Forbidden;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.error.BlastgateException.InvalidDocument;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.error.BlastgateException.NotATarget;
import io.blastgate.error.BlastgateException.Unauthenticated;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.error.BlastgateException.UnknownRequest;
import io.blastgate.error.BlastgateException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors leave the API: every exception, from a handler, the guard, Javalin's
 * routing (404, 405) or its body limit, becomes an RFC 9457 problem document with the request id. The
 * unexpected ones are logged with their stack under the request id and answered with a generic 500: no
 * exception message, class or stack ever reaches the wire.
 */
final class ProblemMapper {
  static final String CONTENT_TYPE = "application/problem+json";
  static final String INTERNAL_DETAIL =
      "an unexpected error occurred; quote the request id when reporting it";
  static final String WWW_AUTHENTICATE = "Bearer realm=\"blastgate\"";

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private final ObjectMapper json;

  ProblemMapper(ObjectMapper json) {
    this.json = json;
  }

  void handle(Exception e, Context ctx) {
    String requestId = RequestIds.of(ctx);
    ProblemException problem = toProblem(e, ctx, requestId);
    write(ctx, problem, requestId);
  }

  private ProblemException toProblem(Exception e, Context ctx, String requestId) {
    return switch (e) {
      case ProblemException p -> p;
      case BlastgateException b -> fromDomain(b, ctx, requestId);
      case MethodNotAllowedResponse m -> {
        String allowed = m.getDetails().getOrDefault("availableMethods", "");
        yield new ProblemException(
            ProblemType.METHOD_NOT_ALLOWED,
            ctx.path() + " does not accept " + ctx.method() + "; it accepts " + allowed,
            Map.of(),
            allowed.isEmpty() ? Map.of() : Map.of("Allow", allowed));
      }
      case NotFoundResponse n ->
          ProblemException.notFound("there is no " + ctx.method() + " " + ctx.path());
      case HttpResponseException h -> fromStatus(h, ctx, requestId);
      default -> internal(e, ctx, requestId);
    };
  }

  /**
   * The program's own errors, each answered in one way: the switch has no default, so that a new kind
   * of error does not compile until it is given its problem type here (and its exit code in the
   * command line).
   */
  private static ProblemException fromDomain(BlastgateException e, Context ctx, String requestId) {
    return switch (e) {
      case UnknownEntity u -> ProblemException.notFound(u.getMessage());
      case UnknownRequest u -> ProblemException.notFound(u.getMessage());
      case NotATarget n -> ProblemException.badRequest(n.getMessage());
      case InvalidInput i -> ProblemException.badRequest(i.getMessage());
      case Conflict c -> new ProblemException(ProblemType.CONFLICT, c.getMessage());
      case AlreadyContained a -> {
        Map<String, Object> containment = new java.util.LinkedHashMap<>();
        containment.put("state", a.state());
        containment.put("by", a.by());
        containment.put("since", a.since().toString());
        containment.put("until", a.until() == null ? null : a.until().toString());
        yield new ProblemException(ProblemType.ALREADY_CONTAINED, a.getMessage(),
            Map.of("target", a.target(), "containment", containment), Map.of());
      }
      case Unauthenticated u -> new ProblemException(ProblemType.UNAUTHORIZED, u.getMessage());
      case Forbidden f -> new ProblemException(ProblemType.FORBIDDEN, f.getMessage());
      case GraphUnavailable g -> {
        LOG.warn("request {}: {} {}: graph unavailable: {}", requestId, ctx.method(), ctx.path(), g.getMessage());
        yield new ProblemException(
            ProblemType.GRAPH_UNAVAILABLE, "the graph database does not answer; try again later");
      }
      case InvalidDocument d -> new ProblemException(ProblemType.INVALID_DOCUMENT, d.what() + " is not valid; "
          + d.problems().size() + (d.problems().size() == 1 ? " problem is" : " problems are") + " listed in errors",
          Map.of("errors", d.problems().stream()
              .map(p -> Map.of("location", p.location(), "message", p.message())).toList()), Map.of());
      // The server's own configuration went wrong after start-up: the caller can do nothing about it.
      case InvalidConfiguration c -> internal(c, ctx, requestId);
    };
  }

  /** Javalin's own responses: its body limit (413) and anything else it may throw. */
  private ProblemException fromStatus(HttpResponseException h, Context ctx, String requestId) {
    return switch (h.getStatus()) {
      case 413 -> ProblemException.payloadTooLarge(Bodies.tooLargeDetail(-1));
      case 415 -> ProblemException.unsupportedMediaType("this content type is not accepted here");
      case 400 -> ProblemException.badRequest("the request is malformed");
      default -> internal(h, ctx, requestId);
    };
  }

  private static ProblemException internal(Exception e, Context ctx, String requestId) {
    LOG.error("request {}: {} {} failed", requestId, ctx.method(), ctx.path(), e);
    return new ProblemException(ProblemType.INTERNAL_ERROR, INTERNAL_DETAIL);
  }

  private void write(Context ctx, ProblemException problem, String requestId) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body(problem, ctx, requestId));
    } catch (JsonProcessingException e) {
      // An extension that does not render is a bug of ours: answer it as one.
      LOG.error("request {}: cannot render a {} problem", requestId, problem.type().slug(), e);
      problem = new ProblemException(ProblemType.INTERNAL_ERROR, INTERNAL_DETAIL);
      try {
        bytes = json.writeValueAsBytes(body(problem, ctx, requestId));
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    problem.headers().forEach(ctx::header);
    if (problem.type() == ProblemType.UNAUTHORIZED) {
      ctx.header("WWW-Authenticate", WWW_AUTHENTICATE);
    }
    ctx.status(problem.type().status()).contentType(CONTENT_TYPE).result(bytes);
  }

  private static Map<String, Object> body(ProblemException problem, Context ctx, String requestId) {
    ProblemType type = problem.type();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", problem.detail());
    body.put("instance", ctx.path());
    body.put("request_id", requestId);
    problem.extensions().forEach(body::putIfAbsent);
    return body;
  }
}
