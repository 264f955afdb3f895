package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.testing.TestGraph;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
          for (String holder : new java.util.TreeSet<>(List.of(r.role().wireName(), "admin"))) {
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

  /**
   * The table of api/problems.md ("Who may call what, by role"), cell by cell over HTTP: "yes" is
   * never a 401 or 403, "no" is a 403; and every operation that needs a token has its row.
   */
  @Test
  void theDocumentedTableOfWhoMayCallWhatIsWhatTheServerDoes() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("api/problems.md"));
    Pattern row = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/api/v1/[^`]+)` \\|(.*)\\|$");
    List<String> header =
        lines.stream().filter(l -> l.startsWith("| Operation | ")).findFirst().map(l -> cells(l).subList(1, 7)).orElseThrow();
    assertThat(header).containsExactlyElementsOf(Arrays.stream(Role.values()).map(Role::wireName).toList());
    SoftAssertions soft = new SoftAssertions();
    Set<String> documented = new HashSet<>();
    for (String line : lines) {
      Matcher m = row.matcher(line);
      if (!m.matches()) {
        continue;
      }
      documented.add(m.group(1) + " " + m.group(2));
      List<String> cells = cells(line).subList(1, 7);
      for (int i = 0; i < cells.size(); i++) {
        HttpRequest request =
            api.request(concrete(m.group(2)))
                .method(m.group(1), HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + api.token(header.get(i)))
                .build();
        int status = api.send(request).statusCode();
        String as = m.group(1) + " " + m.group(2) + " as " + header.get(i);
        if (cells.get(i).equals("yes")) {
          soft.assertThat(status).as(as).isNotIn(401, 403).isBetween(200, 499);
        } else {
          soft.assertThat(cells.get(i)).as(as).isEqualTo("no");
          soft.assertThat(status).as(as).isEqualTo(403);
        }
      }
    }
    soft.assertAll();
    List<String> needingAToken = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      ApiRoute route = e.metadata(ApiRoute.class);
      if (route != null && route.access() instanceof ApiRoute.Requires) {
        needingAToken.add(e.method.name() + " " + e.path);
      }
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(needingAToken);
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
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
    return api.request(concrete(endpoint.path)).method(method.name(), HttpRequest.BodyPublishers.noBody());
  }

  /** A path with its parameters filled in ({@code /api/v1/actions/{requestId}} → {@code …/none}). */
  private static String concrete(String path) {
    return path.replaceAll("\\{[^}/]+}", "none");
  }
}
