package io.blastgate.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What a feature asks to be written to the trail: the event, who did it (a token's principal, or
 * {@code system} for the program itself), the action request it concerns and the entity it targets
 * where there is one (null otherwise), and details that explain it (plain JSON values: strings,
 * numbers, booleans, lists and maps). Never put a secret in the details: the trail is read by auditors
 * and exported.
 */
public record AuditRecord(
    AuditEvent event, String actor, String requestId, String target, Map<String, Object> details) {
  public AuditRecord {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(actor, "actor");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("an audit record names its actor");
    }
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }
}
