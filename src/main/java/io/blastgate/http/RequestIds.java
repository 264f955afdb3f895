package io.blastgate.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id, sent back in {@code X-Request-Id}, put in every problem and in every log
 * line about the request (MDC key {@code request_id}). A caller's own id is kept only if it is short and
 * plain, so that it cannot forge log lines or headers.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "request_id";
  private static final String ATTRIBUTE = "blastgate.request-id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** The first handler of every request. */
  static void assign(Context ctx) {
    of(ctx);
  }

  /** The request's id, assigned on first use. */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      String incoming = ctx.header(HEADER);
      id = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : newId();
      ctx.attribute(ATTRIBUTE, id);
      ctx.header(HEADER, id);
      MDC.put(MDC_KEY, id);
    }
    return id;
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
