package io.blastgate.http;

import io.blastgate.auth.Principal;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.error.BlastgateException.Forbidden;
import io.blastgate.error.BlastgateException.Unauthenticated;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every matched route: authenticates the bearer token, checks the route's role, and refuses
 * a body whose declared length is over the route's limit before anything reads it. Fails closed: a
 * route that was not declared as an {@link ApiRoute} is refused to everyone, admin included. The one
 * exception is a file of the web console ({@link Console}), public like any page that asks for a token.
 */
final class Guard {
  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
  static final String PRINCIPAL_ATTRIBUTE = "blastgate.principal";
  private static final String BEARER = "bearer ";

  private final TokenStore tokens;
  private final HttpSettings settings;

  Guard(TokenStore tokens, HttpSettings settings) {
    this.tokens = tokens;
    this.settings = settings;
  }

  /** The authenticated caller of a route that requires a role. */
  static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL_ATTRIBUTE);
    if (principal == null) {
      throw new IllegalStateException("no principal: the route is public or the guard did not run");
    }
    return principal;
  }

  void check(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    ApiRoute route = endpoint == null ? null : endpoint.metadata(ApiRoute.class);
    if (route == null && ctx.method() == HandlerType.HEAD) {
      // Javalin answers HEAD from the GET route without a HEAD endpoint of its own: not supported.
      throw new ProblemException(
          ProblemType.METHOD_NOT_ALLOWED, "HEAD is not supported; use GET", Map.of(), Map.of("Allow", "GET"));
    }
    if (route == null && ctx.method() == HandlerType.GET && Console.servesFile(ctx.path())) {
      return; // a file of the web console: public, like the page that asks for the token
    }
    if (route == null) {
      Principal principal = authenticate(ctx);
      LOG.error(
          "request {}: {} {} has no declared access (not an ApiRoute); refused to {}",
          RequestIds.of(ctx), ctx.method(), ctx.path(), principal.tokenName());
      throw new Forbidden("this operation is not available");
    }
    switch (route.access()) {
      case ApiRoute.Public p -> {}
      case ApiRoute.Requires r -> {
        Principal principal = authenticate(ctx);
        if (!principal.has(r.role())) {
          throw new Forbidden("this operation requires the role '" + r.role().wireName() + "'");
        }
        ctx.attribute(PRINCIPAL_ATTRIBUTE, principal);
      }
    }
    refuseDeclaredOversize(ctx, route);
  }

  private Principal authenticate(Context ctx) {
    Optional<Principal> principal = bearerToken(ctx).flatMap(tokens::authenticate);
    if (principal.isEmpty()) {
      throw new Unauthenticated("a valid bearer token is required");
    }
    return principal.get();
  }

  private static Optional<String> bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(BEARER.length()).strip());
  }

  private void refuseDeclaredOversize(Context ctx, ApiRoute route) {
    long limit = limit(route);
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw ProblemException.payloadTooLarge(Bodies.tooLargeDetail(limit));
    }
  }

  long limit(ApiRoute route) {
    return switch (route.body()) {
      case NONE, JSON -> settings.maxBodyBytes();
      case UPLOAD -> settings.maxUploadBytes();
    };
  }
}
