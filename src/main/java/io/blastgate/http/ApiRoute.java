package io.blastgate.http;

import io.blastgate.auth.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Set;

/**
 * One operation of the API with the access it requires and the body it takes. It is the only way a
 * route is declared: the guard serves a route only when it finds its {@code ApiRoute}, so a handler
 * registered any other way is unreachable (fail closed).
 */
record ApiRoute(HandlerType method, String path, Access access, Body body, Handler handler)
    implements EndpointMetadata {

  /** Who may call. */
  sealed interface Access extends RouteRole permits Public, Requires {}

  /** No token needed: health and the contract only. */
  record Public() implements Access {}

  /** A valid token whose principal holds the role ({@code admin} holds every role). */
  record Requires(Role role) implements Access {
    Requires {
      Objects.requireNonNull(role, "role");
    }
  }

  /** The request body the operation reads, which decides its size limit. */
  enum Body {
    /** No body expected; anything sent is held to the JSON limit. */
    NONE,
    /** A JSON document, at most {@code BLASTGATE_MAX_BODY_BYTES}. */
    JSON,
    /** An upload (import), at most {@code BLASTGATE_MAX_UPLOAD_BYTES}, spooled to disk. */
    UPLOAD
  }

  ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/api/v1/")) {
      throw new IllegalArgumentException("every path is under /api/v1/: " + path);
    }
  }

  static ApiRoute get(String path, Role role, Handler handler) {
    return new ApiRoute(HandlerType.GET, path, new Requires(role), Body.NONE, handler);
  }

  static ApiRoute post(String path, Role role, Body body, Handler handler) {
    return new ApiRoute(HandlerType.POST, path, new Requires(role), body, handler);
  }

  static ApiRoute put(String path, Role role, Body body, Handler handler) {
    return new ApiRoute(HandlerType.PUT, path, new Requires(role), body, handler);
  }

  static ApiRoute publicGet(String path, Handler handler) {
    return new ApiRoute(HandlerType.GET, path, new Public(), Body.NONE, handler);
  }

  /** The Javalin endpoint, carrying this route (for the guard) and its role (for Javalin's own view). */
  Endpoint endpoint() {
    return new Endpoint(method, path, handler, Set.of(this, new Roles(Set.of(access))));
  }
}
