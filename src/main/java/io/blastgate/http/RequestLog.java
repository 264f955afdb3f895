package io.blastgate.http;

import io.blastgate.auth.Principal;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One line per request: method, path (never the query), status, time, request id and token name. */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.blastgate.http.access");

  private RequestLog() {}

  static void log(Context ctx, Float millis) {
    try {
      String by = ctx.attribute(Guard.PRINCIPAL_ATTRIBUTE) instanceof Principal p
          ? p.tokenName()
          : "-";
      LOG.info(
          "{} {} {} {} ms request {} by {}",
          ctx.method(),
          ctx.path(),
          ctx.statusCode(),
          millis == null ? "?" : String.format("%.1f", millis),
          RequestIds.of(ctx),
          by);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }
}
