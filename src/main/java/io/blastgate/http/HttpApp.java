package io.blastgate.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.services.Services;
import io.blastgate.wire.Json;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the API: the fully wired, unstarted Javalin app. The program's main and every HTTP test call
 * this same factory, then {@code start()} it (and {@code stop()} it on shutdown).
 *
 * <p>To add an operation: one line in {@link #routes}, with the role it requires, and its handler. A
 * route declared any other way is refused to everyone. Beside the API, the web console's static files
 * are served at {@code /} ({@link Console}).
 */
public final class HttpApp {
  private HttpApp() {}

  public static Javalin create(Services services, TokenStore tokens, HttpSettings settings) {
    return create(services, tokens, settings, bodies -> List.of(), config -> {});
  }

  /**
   * As {@link #create(Services, TokenStore, HttpSettings)}, with more routes and a last word on the
   * configuration: for tests only.
   */
  static Javalin create(
      Services services,
      TokenStore tokens,
      HttpSettings settings,
      Function<Bodies, List<ApiRoute>> moreRoutes,
      Consumer<JavalinConfig> extra) {
    ObjectMapper json = Json.mapper();
    Bodies bodies = new Bodies(json, settings, Spool.open(settings.spoolDir()));
    List<ApiRoute> routes = new ArrayList<>(routes(services, settings, bodies));
    routes.addAll(moreRoutes.apply(bodies));
    ProblemMapper problems = new ProblemMapper(json);
    Guard guard = new Guard(tokens, settings);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.startupWatcherEnabled = false;
          config.jetty.host = settings.host();
          config.jetty.port = settings.port();
          config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(json)));
          config.http.maxRequestSize = settings.maxBodyBytes();
          config.http.prefer405over404 = true;
          config.jsonMapper(new JavalinJackson(json, false));
          config.requestLogger.http(RequestLog::log);
          Console.serve(config);
          config.routes.before(RequestIds::assign);
          config.routes.beforeMatched(guard::check);
          for (ApiRoute route : routes) {
            config.routes.addEndpoint(route.endpoint());
          }
          // One mapper for everything; HttpResponseException is named too, to replace Javalin's own.
          config.routes.exception(Exception.class, problems::handle);
          config.routes.exception(HttpResponseException.class, problems::handle);
          extra.accept(config);
        });
  }

  /** Every operation of the API, with the access it requires. */
  static List<ApiRoute> routes(Services services, HttpSettings settings, Bodies bodies) {
    PolicyRoute policy = new PolicyRoute(services.gate().policies(), bodies);
    RequestsRoute requests = new RequestsRoute(services.gate().requests(), bodies);
    AuditRoute audit = new AuditRoute(services.audit());
    return List.of(
        ApiRoute.publicGet("/api/v1/health", new HealthRoute(services.graph(), settings.version())),
        ApiRoute.publicGet("/api/v1/openapi.yaml", OpenApiRoute.load()),
        ApiRoute.get("/api/v1/entities", Role.VIEWER, new EntitiesRoute(services.entities())),
        ApiRoute.get(
            "/api/v1/blast-radius", Role.VIEWER, new BlastRadiusRoute(services.blastRadius())),
        ApiRoute.post("/api/v1/actions", Role.RESPONDER, ApiRoute.Body.JSON,
            new ActionsRoute(services.gate(), bodies)),
        ApiRoute.get("/api/v1/actions", Role.VIEWER, requests::list),
        ApiRoute.get("/api/v1/actions/{requestId}", Role.VIEWER, requests::get),
        ApiRoute.post("/api/v1/actions/{requestId}/approve", Role.APPROVER, ApiRoute.Body.JSON, requests::approve),
        ApiRoute.post("/api/v1/actions/{requestId}/reject", Role.APPROVER, ApiRoute.Body.JSON, requests::reject),
        ApiRoute.post("/api/v1/actions/{requestId}/rollback", Role.RESPONDER, ApiRoute.Body.JSON, requests::rollback),
        ApiRoute.get("/api/v1/policy", Role.VIEWER, policy::get),
        ApiRoute.put("/api/v1/policy", Role.ADMIN, ApiRoute.Body.JSON, policy::put),
        ApiRoute.get("/api/v1/audit", Role.AUDITOR, audit::list),
        ApiRoute.get("/api/v1/audit/export", Role.AUDITOR, audit::export),
        ApiRoute.post(
            "/api/v1/imports",
            Role.IMPORTER,
            ApiRoute.Body.UPLOAD,
            new ImportsRoute(services.importer(), bodies)));
  }
}
