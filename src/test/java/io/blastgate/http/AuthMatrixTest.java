package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.testing.TestGraph;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * For every route the router holds (so a new route is covered without touching this test): no token
 * and a wrong token are 401, a token without the role is 403, the role and admin get through. A route
 * registered without an {@link ApiRoute} is refused to everyone, admin included (fail closed).
 */
class AuthMatrixTest {
  private static final String UNDECLARED = "/api/v1/undeclared";

  @RegisterExtension
  static final TestApi api =
      TestApi.onTestGraph()
          .withConfig(config -> config.routes.get(UNDECLARED, ctx -> ctx.result("must never be served")));

  /** Every HTTP endpoint of the running app, with its ApiRoute (null when registered otherwise). */
  private static List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    for (ParsedEndpoint parsed : api.app.unsafe.internalRouter.allHttpHandlers()) {
      if (parsed.endpoint.method.isHttpMethod()) {
        all.add(parsed.endpoint);
      }
    }
    return all;
  }

  @Test
  void theMatrixSeesEveryDeclaredRouteAndTheUndeclaredOne() {
    assertThat(endpoints())
        .extracting(e -> e.method.name() + " " + e.path)
        .contains("GET /api/v1/health", "GET /api/v1/openapi.yaml", "GET /api/v1/entities", "GET " + UNDECLARED);
  }

  @Test
  void everyRouteAnswersEveryKindOfCallerAsItsAccessSays() {
    SoftAssertions soft = new SoftAssertions();
    for (Endpoint endpoint : endpoints()) {
      ApiRoute route = endpoint.metadata(ApiRoute.class);
      String name = endpoint.method.name() + " " + endpoint.path;
      switch (route == null ? null : route.access()) {
        case null -> {
          expectUnauthenticated(soft, endpoint, name);
          for (Role role : Role.values()) {
            soft.assertThat(call(endpoint, api.token(role.wireName())).statusCode())
                .as("%s undeclared, token %s", name, role)
                .isEqualTo(403);
          }
        }
        case ApiRoute.Public p -> {
          soft.assertThat(call(endpoint, null).statusCode()).as("%s public, no token", name).isIn(200, 503);
          soft.assertThat(call(endpoint, "not-a-token").statusCode()).as("%s public, bad token", name).isIn(200, 503);
        }
        case ApiRoute.Requires r -> {
          expectUnauthenticated(soft, endpoint, name);
          HttpResponse<String> without = call(endpoint, api.token("all-but-" + r.role().wireName()));
          soft.assertThat(without.statusCode()).as("%s without role %s", name, r.role()).isEqualTo(403);
          soft.assertThat(without.body()).as("%s 403 body", name).contains("/problems/forbidden");
          for (String holder : Set.of(r.role().wireName(), "admin")) {
            soft.assertThat(call(endpoint, api.token(holder)).statusCode())
                .as("%s with %s", name, holder)
                .isNotIn(401, 403)
                .isBetween(200, 499);
          }
        }
      }
    }
    soft.assertAll();
  }

  private static void expectUnauthenticated(SoftAssertions soft, Endpoint endpoint, String name) {
    String random = TokenStore.generate("x", "person:x", Set.of(Role.ADMIN)).token();
    for (String token : new String[] {null, random, ""}) {
      HttpResponse<String> response = call(endpoint, token);
      soft.assertThat(response.statusCode()).as("%s with token '%s'", name, token).isEqualTo(401);
      soft.assertThat(response.headers().firstValue("WWW-Authenticate"))
          .as("%s 401 header", name)
          .hasValue("Bearer realm=\"blastgate\"");
      soft.assertThat(response.body()).as("%s 401 body", name).contains("/problems/unauthorized");
    }
    HttpResponse<String> basic = api.send(builder(endpoint).header("Authorization", "Basic YWRtaW46YWRtaW4=").build());
    soft.assertThat(basic.statusCode()).as("%s with basic auth", name).isEqualTo(401);
  }

  private static HttpResponse<String> call(Endpoint endpoint, String token) {
    HttpRequest.Builder b = builder(endpoint);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return api.send(b.build());
  }

  private static HttpRequest.Builder builder(Endpoint endpoint) {
    HandlerType method = endpoint.method;
    return api.request(endpoint.path).method(method.name(), HttpRequest.BodyPublishers.noBody());
  }
}
