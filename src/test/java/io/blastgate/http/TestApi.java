package io.blastgate.http;

import io.blastgate.app.Blastgate;
import io.blastgate.app.Services;
import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenEntry;
import io.blastgate.auth.TokenStore;
import io.blastgate.config.AppConfig;
import io.blastgate.graph.Graph;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
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

/**
 * The real app from {@link HttpApp#create} on a random loopback port, with one token per role and,
 * per role, a token holding every other role but that one (and not admin), reached with the JDK's
 * HTTP client.
 */
final class TestApi implements AutoCloseable {
  static final String VERSION = "0.1.0-test";

  final Javalin app;
  final URI base;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> tokens;

  private TestApi(Javalin app, Map<String, String> tokens) {
    this.app = app;
    this.base = URI.create("http://127.0.0.1:" + app.port());
    this.tokens = tokens;
  }

  static TestApi start(Graph graph) {
    return start(graph, 1 << 20, 8 << 20, config -> {});
  }

  static TestApi start(Graph graph, long maxBody, long maxUpload, Consumer<JavalinConfig> extra) {
    return start(graph, maxBody, maxUpload, bodies -> List.of(), extra);
  }

  static TestApi start(
      Graph graph,
      long maxBody,
      long maxUpload,
      Function<Bodies, List<ApiRoute>> moreRoutes,
      Consumer<JavalinConfig> extra) {
    Map<String, String> plain = new LinkedHashMap<>();
    List<TokenEntry> entries = new ArrayList<>();
    for (Role role : Role.values()) {
      add(plain, entries, role.wireName(), EnumSet.of(role));
      EnumSet<Role> others = EnumSet.complementOf(EnumSet.of(role, Role.ADMIN));
      add(plain, entries, "all-but-" + role.wireName(), others);
    }
    Services services = Blastgate.over(graph, AppConfig.fromEnvironment(Map.of())).services();
    HttpSettings settings = new HttpSettings("127.0.0.1", 0, maxBody, maxUpload, VERSION);
    Javalin app = HttpApp.create(services, TokenStore.of(entries), settings, moreRoutes, extra).start();
    return new TestApi(app, plain);
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
      throw new java.io.UncheckedIOException(e);
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

  @Override
  public void close() {
    app.stop();
  }
}
