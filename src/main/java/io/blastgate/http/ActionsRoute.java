package io.blastgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.gate.ActionRequest;
import io.blastgate.gate.GateService;
import io.blastgate.wire.ActionJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code POST /api/v1/actions}: an action request through the gate (docs/policy.md). The body names
 * the {@code target}, the {@code action}, the {@code confidence} (low, medium, high, or a score from
 * 0 to 1), a {@code reason}, and optionally an {@code idempotency_key} and {@code dry_run}; the
 * requester is the principal of the token. Answers the request with its decision.
 */
final class ActionsRoute implements Handler {
  private static final Set<String> FIELDS =
      Set.of("target", "action", "confidence", "reason", "idempotency_key", "dry_run", "signals");

  private final GateService gate;
  private final Bodies bodies;

  ActionsRoute(GateService gate, Bodies bodies) {
    this.gate = gate;
    this.bodies = bodies;
  }

  @Override
  public void handle(Context ctx) {
    JsonNode body = bodies.readJson(ctx, JsonNode.class);
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest("the body must be a JSON object with target, action, confidence and reason");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ProblemException.badRequest("unknown field '" + name + "' (the fields are "
            + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
      }
    }
    JsonNode confidence = body.get("confidence");
    if (confidence == null || !(confidence.isTextual() || confidence.isNumber())) {
      throw ProblemException.badRequest("'confidence' is required: low, medium, high, or a score from 0 to 1");
    }
    JsonNode dryRun = body.get("dry_run");
    if (dryRun != null && !dryRun.isBoolean()) {
      throw ProblemException.badRequest("'dry_run' must be true or false");
    }
    ActionRequest request = new ActionRequest(text(body, "target", true), text(body, "action", true),
        confidence.asText(), text(body, "reason", true), Guard.principal(ctx).id(),
        text(body, "idempotency_key", false), dryRun != null && dryRun.asBoolean());
    ctx.json(ActionJson.of(gate.requests().submit(request)));
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw ProblemException.badRequest("'" + field + "' is required");
      }
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 2000) {
      throw ProblemException.badRequest("'" + field + "' must be a non-empty string of at most 2000 characters");
    }
    return n.asText();
  }
}
