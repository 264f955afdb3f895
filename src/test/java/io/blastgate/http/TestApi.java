package io.blastgate.http;

import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenEntry;
import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.graph.Graph;
import io.blastgate.services.Services;
import io.blastgate.testing.TestGraph;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app from {@link HttpApp#create}, with the program's services ({@link Services#over}) over a graph, served on a random
 * loopback port for the whole test class, with one token per role and, per role, a token holding every
 * role that does not grant that one (so neither it, nor admin, nor a role that implies it), reached
 * with the JDK's HTTP client. A test class declares it
 * once, and it starts before the class's tests and stops after them:
 *
 * <pre>{@code @RegisterExtension static final TestApi api = TestApi.onTestGraph();}</pre>
 */
final class TestApi implements BeforeAllCallback, AfterAllCallback {
  static final String VERSION = "0.1.0-test";

  private final Supplier<Graph> graph;
  private final long maxBody;
  private final long maxUpload;
  private final Function<Bodies, List<ApiRoute>> moreRoutes;
  private final Consumer<JavalinConfig> extra;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Javalin app;
  URI base;
  /** The app's data folder, of its own: only its upload spool is used. */
  Path dataDir;
  private Map<String, String> tokens;

  private TestApi(
      Supplier<Graph> graph,
      long maxBody,
      long maxUpload,
      Function<Bodies, List<ApiRoute>> moreRoutes,
      Consumer<JavalinConfig> extra) {
    this.graph = graph;
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
    this.moreRoutes = moreRoutes;
    this.extra = extra;
  }

  /** The API over the suite's Neo4j ({@link TestGraph}), with the default body limits. */
  static TestApi onTestGraph() {
    return on(() -> TestGraph.connection().graph());
  }

  /** The API over the graph the supplier gives when the class starts. */
  static TestApi on(Supplier<Graph> graph) {
    return new TestApi(graph, 1 << 20, 8 << 20, bodies -> List.of(), config -> {});
  }

  /** With these body limits (JSON bodies, uploads). */
  TestApi withLimits(long maxBody, long maxUpload) {
    return new TestApi(graph, maxBody, maxUpload, moreRoutes, extra);
  }

  /** With routes of the test's own, declared as the app declares its routes. */
  TestApi withRoutes(Function<Bodies, List<ApiRoute>> routes) {
    return new TestApi(graph, maxBody, maxUpload, routes, extra);
  }

  /** With a last word on the app's configuration. */
  TestApi withConfig(Consumer<JavalinConfig> config) {
    return new TestApi(graph, maxBody, maxUpload, moreRoutes, config);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Map<String, String> plain = new LinkedHashMap<>();
    List<TokenEntry> entries = new ArrayList<>();
    for (Role role : Role.values()) {
      add(plain, entries, role.wireName(), EnumSet.of(role));
      EnumSet<Role> others = EnumSet.noneOf(Role.class);
      for (Role other : Role.values()) {
        if (!other.grants(role)) {
          others.add(other);
        }
      }
      add(plain, entries, "all-but-" + role.wireName(), others);
    }
    // People who approve actions: person:ana is a member of team:payments in the seeded graph; the
    // gate's tests make person:bo and person:cy members of the teams they need.
    for (String person : List.of("ana", "bo", "cy")) {
      add(plain, entries, person, EnumSet.of(Role.APPROVER));
    }
    // One configuration for the services and the HTTP layer, as the program reads it.
    try {
      dataDir = Files.createTempDirectory("blastgate-test-api-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_DATA_DIR", dataDir.toString(),
        "BLASTGATE_HTTP_PORT", "0",
        "BLASTGATE_MAX_BODY_BYTES", Long.toString(maxBody),
        "BLASTGATE_MAX_UPLOAD_BYTES", Long.toString(maxUpload)));
    Services services = Services.over(graph.get(), config);
    HttpSettings settings = HttpSettings.from(config, VERSION);
    app = HttpApp.create(services, TokenStore.of(entries), settings, moreRoutes, extra).start();
    base = URI.create("http://127.0.0.1:" + app.port());
    tokens = plain;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (app != null) {
      app.stop();
    }
    try (var walk = Files.walk(dataDir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the app spools uploads. */
  Path spool() {
    return dataDir.resolve("spool");
  }

  private static void add(Map<String, String> plain, List<TokenEntry> entries, String name, Set<Role> roles) {
    GeneratedToken token = TokenStore.generate(name, "person:" + name, roles);
    plain.put(name, token.token());
    entries.add(token.entry());
  }

  /** The plaintext of a test token: a role's name, or {@code all-but-<role>}. */
  String token(String name) {
    String token = tokens.get(name);
    if (token == null) {
      throw new IllegalArgumentException("no test token " + name);
    }
    return token;
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery, String tokenName) {
    HttpRequest.Builder b = request(pathAndQuery).GET();
    if (tokenName != null) {
      b.header("Authorization", "Bearer " + token(tokenName));
    }
    return send(b.build());
  }

  HttpResponse<String> post(String pathAndQuery, String tokenName, String contentType, byte[] body) {
    HttpRequest.Builder b =
        request(pathAndQuery)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (tokenName != null) {
      b.header("Authorization", "Bearer " + token(tokenName));
    }
    return send(b.build());
  }
}
