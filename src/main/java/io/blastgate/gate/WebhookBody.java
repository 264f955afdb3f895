package io.blastgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON a webhook receives for one order, its fields in snake_case as docs/executors.md lists them.
 * {@code sent_at} is the attempt's own time, the same second as its {@code X-Blastgate-Timestamp};
 * {@code delivery_id} is new on every attempt, so that no two attempts carry the same signature (two
 * attempts in one second would otherwise be identical, and a receiver that refuses a replayed signature
 * would refuse the second).
 */
final class WebhookBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookBody() {}

  static byte[] of(ExecutionOrder order, Instant sentAt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event", order.undo() ? "undo" : "execute");
    body.put("delivery_id", UUID.randomUUID().toString());
    body.put("request_id", order.requestId());
    body.put("idempotency_key", order.idempotencyKey());
    body.put("action", order.action());
    ObjectNode target = body.putObject("target");
    target.put("id", order.targetId());
    target.put("label", order.targetLabel());
    target.put("kind", order.targetKind());
    body.put("expires_at", order.expiresAt() == null ? null : order.expiresAt().toString());
    body.put("requester", order.requester());
    body.put("reason", order.reason());
    body.put("sent_at", sentAt.toString());
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // A tree of strings always writes; this would be a bug, not the receiver's doing.
      throw new IllegalStateException("could not write the webhook's body", e);
    }
  }
}
