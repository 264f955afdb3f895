package io.blastgate.http;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.blastgate.audit.AuditEvent;
import io.blastgate.audit.AuditFilter;
import io.blastgate.audit.AuditTrail;
import io.blastgate.wire.AuditJson;
import io.blastgate.wire.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/audit}: one page of the audit trail, oldest first, filtered by target, request,
 * event and time, with whether the whole chain verifies (walked at each call); {@code GET
 * /api/v1/audit/export}: every entry, oldest first, as JSON lines ({@code application/x-ndjson}),
 * written as it is read.
 */
final class AuditRoute {
  static final int DEFAULT_LIMIT = 100;
  static final String JSON_LINES = "application/x-ndjson";

  private final AuditTrail trail;

  AuditRoute(AuditTrail trail) {
    this.trail = trail;
  }

  void list(Context ctx) {
    Optional<Instant> from = instant(ctx, "from");
    Optional<Instant> to = instant(ctx, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw ProblemException.badRequest("query parameter 'from' must be before 'to'");
    }
    AuditFilter filter = new AuditFilter(
        Params.optional(ctx, "target"),
        Params.optional(ctx, "request_id"),
        event(ctx),
        from,
        to,
        Params.intInRange(ctx, "after_seq", 0, 0, Integer.MAX_VALUE),
        Params.intInRange(ctx, "limit", DEFAULT_LIMIT, 1, AuditTrail.MAX_LIMIT));
    var page = trail.list(filter);
    ctx.json(AuditJson.of(page, trail.verify()));
  }

  void export(Context ctx) {
    ctx.contentType(JSON_LINES);
    ObjectWriter lines = Json.mapper().writer();
    OutputStream out = ctx.outputStream();
    trail.each(entry -> {
      try {
        out.write(lines.writeValueAsBytes(AuditJson.Entry.of(entry)));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Optional<AuditEvent> event(Context ctx) {
    return Params.optional(ctx, "event").map(name -> AuditEvent.fromWireName(name).orElseThrow(() ->
        ProblemException.badRequest("query parameter 'event' must be one of "
            + Arrays.stream(AuditEvent.values()).map(AuditEvent::wireName).collect(Collectors.joining(", "))
            + "; got " + Params.quote(name))));
  }

  private static Optional<Instant> instant(Context ctx, String name) {
    return Params.optional(ctx, name).map(text -> {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest("query parameter '" + name
            + "' must be an RFC 3339 timestamp such as 2026-12-01T09:00:00Z; got " + Params.quote(text));
      }
    });
  }
}
