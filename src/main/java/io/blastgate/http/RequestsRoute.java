package io.blastgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.gate.ActionRequests;
import io.blastgate.wire.ActionJson;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The action requests after they are made: {@code GET /api/v1/actions[?status=S&limit=N]}, {@code GET
 * /api/v1/actions/{requestId}}, and {@code POST …/approve}, {@code …/reject} (a body with an optional
 * {@code comment}) and {@code …/rollback}. Who approves is the principal of the token.
 */
final class RequestsRoute {
  private static final Set<String> STATUSES = Set.of("pending_approval", "executing", "executed", "failed",
      "rejected", "expired", "denied", "rolled_back");

  private final ActionRequests requests;
  private final Bodies bodies;

  RequestsRoute(ActionRequests requests, Bodies bodies) {
    this.requests = requests;
    this.bodies = bodies;
  }

  void list(Context ctx) {
    String status = ctx.queryParam("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ProblemException.badRequest("query parameter 'status' must be one of "
          + STATUSES.stream().sorted().toList() + "; got " + Params.quote(status));
    }
    int limit = Params.intInRange(ctx, "limit", 50, 1, 500);
    ctx.json(ActionJson.Page.of(requests.list(status, limit)));
  }

  void get(Context ctx) {
    ctx.json(ActionJson.of(requests.get(ctx.pathParam("requestId"))));
  }

  void approve(Context ctx) {
    ctx.json(ActionJson.of(requests.approve(ctx.pathParam("requestId"), Guard.principal(ctx).id(), comment(ctx))));
  }

  void reject(Context ctx) {
    ctx.json(ActionJson.of(requests.reject(ctx.pathParam("requestId"), Guard.principal(ctx).id(), comment(ctx))));
  }

  void rollback(Context ctx) {
    ctx.json(ActionJson.of(requests.rollBack(ctx.pathParam("requestId"), Guard.principal(ctx).id())));
  }

  /** An optional body {@code {"comment": "…"}}; no body at all is no comment. */
  private String comment(Context ctx) {
    if (ctx.contentLength() <= 0 && ctx.contentType() == null) {
      return null;
    }
    JsonNode body = bodies.readJson(ctx, JsonNode.class);
    if (body == null || body.isNull()) {
      return null;
    }
    JsonNode c = body.get("comment");
    if (!body.isObject() || (c != null && !c.isTextual()) || body.size() > (c == null ? 0 : 1)) {
      throw ProblemException.badRequest("the body may only hold 'comment', a string");
    }
    return c == null ? null : c.asText();
  }
}
