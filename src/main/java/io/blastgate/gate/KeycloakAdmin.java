package io.blastgate.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.error.Redacted;
import io.blastgate.gate.KeycloakSettings.AdminUser;
import io.blastgate.gate.KeycloakSettings.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The few calls of Keycloak's Admin REST API the executor makes, over the JDK's HTTP client with
 * Jackson (not Keycloak's admin-client jar, which brings RESTEasy and its own Jackson and JAX-RS: a
 * second HTTP stack for six calls). The admin token is fetched from the admin realm's token endpoint
 * and kept until shortly before it expires; a 401 drops it and the call is tried once more with a new
 * one. Every failure is a {@link KeycloakCallFailed} whose message names the call and the status,
 * never a token, a password or a secret, and never a library.
 */
final class KeycloakAdmin {
  /** A token is renewed this long before Keycloak says it expires (clocks and slow calls). */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(15);

  private final KeycloakSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;
  private String token;
  private Instant tokenRenewAt = Instant.MIN;

  KeycloakAdmin(KeycloakSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  /** Keycloak could not do what was asked: the message is fit for an audit record. */
  static final class KeycloakCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeycloakCallFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** The internal id of the user with exactly this username. */
  String userId(String realm, String username) {
    JsonNode found = get(realmPath(realm) + "/users?exact=true&briefRepresentation=true&username="
        + query(username), "find user");
    for (JsonNode user : found) {
      if (username.equalsIgnoreCase(user.path("username").asText())) {
        return user.path("id").asText();
      }
    }
    throw new KeycloakCallFailed("no user '" + username + "' in realm '" + realm + "'");
  }

  /** The internal id of the client with this clientId. */
  String clientUuid(String realm, String clientId) {
    JsonNode found = get(realmPath(realm) + "/clients?clientId=" + query(clientId), "find client");
    for (JsonNode client : found) {
      if (clientId.equals(client.path("clientId").asText())) {
        return client.path("id").asText();
      }
    }
    throw new KeycloakCallFailed("no client '" + clientId + "' in realm '" + realm + "'");
  }

  ObjectNode user(String realm, String id) {
    return (ObjectNode) get(realmPath(realm) + "/users/" + segment(id), "read user");
  }

  void updateUser(String realm, String id, ObjectNode user) {
    send("PUT", realmPath(realm) + "/users/" + segment(id), user, "update user");
  }

  ObjectNode client(String realm, String uuid) {
    return (ObjectNode) get(realmPath(realm) + "/clients/" + segment(uuid), "read client");
  }

  void updateClient(String realm, String uuid, ObjectNode client) {
    send("PUT", realmPath(realm) + "/clients/" + segment(uuid), client, "update client");
  }

  /** Regenerates the client's secret; the new value is not read here (it is never logged or kept). */
  void regenerateSecret(String realm, String uuid) {
    send("POST", realmPath(realm) + "/clients/" + segment(uuid) + "/client-secret", null, "regenerate secret");
  }

  /** The id of the user that is the client's service account. */
  String serviceAccountUserId(String realm, String clientUuid) {
    return get(realmPath(realm) + "/clients/" + segment(clientUuid) + "/service-account-user", "find service account")
        .path("id").asText();
  }

  /** The realm roles mapped to the user directly (not those it has through a group or a composite). */
  ArrayNode realmRoles(String realm, String userId) {
    return (ArrayNode) get(realmPath(realm) + "/users/" + segment(userId) + "/role-mappings/realm", "read realm roles");
  }

  void removeRealmRoles(String realm, String userId, ArrayNode roles) {
    send("DELETE", realmPath(realm) + "/users/" + segment(userId) + "/role-mappings/realm", roles, "remove realm roles");
  }

  void addRealmRoles(String realm, String userId, ArrayNode roles) {
    send("POST", realmPath(realm) + "/users/" + segment(userId) + "/role-mappings/realm", roles, "add realm roles");
  }

  /** The realm role of this name, or null when the realm has none. */
  ObjectNode realmRoleOrNull(String realm, String name) {
    HttpResponse<String> response = answer("GET", realmPath(realm) + "/roles/" + segment(name), null, "read realm role");
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new KeycloakCallFailed("read realm role: Keycloak answered " + response.statusCode());
    }
    return (ObjectNode) parse(response.body(), "read realm role");
  }

  /** Ends every session of the user. */
  void logout(String realm, String userId) {
    send("POST", realmPath(realm) + "/users/" + segment(userId) + "/logout", null, "revoke sessions");
  }

  private JsonNode get(String path, String what) {
    return send("GET", path, null, what);
  }

  private JsonNode send(String method, String path, JsonNode body, String what) {
    HttpResponse<String> response = answer(method, path, body, what);
    int status = response.statusCode();
    if (status == 404) {
      throw new KeycloakCallFailed(what + ": not found (404)");
    }
    if (status < 200 || status >= 300) {
      throw new KeycloakCallFailed(what + ": Keycloak answered " + status);
    }
    return parse(response.body(), what);
  }

  /** Keycloak's answer to one call; a 401 drops the token and the call is made once more with a new one. */
  private HttpResponse<String> answer(String method, String path, JsonNode body, String what) {
    HttpResponse<String> response = call(method, path, body, what, adminToken());
    if (response.statusCode() == 401) {
      synchronized (this) {
        token = null;
      }
      response = call(method, path, body, what, adminToken());
    }
    return response;
  }

  private HttpResponse<String> call(String method, String path, JsonNode body, String what, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
        .timeout(settings.timeout())
        .header("Authorization", "Bearer " + bearer)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }
    return exchange(request.build(), what);
  }

  /** A token for the Admin API, fetched again when the one held is about to expire. */
  private synchronized String adminToken() {
    if (token != null && clock.instant().isBefore(tokenRenewAt)) {
      return token;
    }
    String form = switch (settings.credentials()) {
      case ClientCredentials c -> "grant_type=client_credentials&client_id=" + query(c.clientId())
          + "&client_secret=" + query(c.secret());
      case AdminUser u -> "grant_type=password&client_id=admin-cli&username=" + query(u.username())
          + "&password=" + query(u.password());
    };
    Instant asked = clock.instant();
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            settings.baseUrl() + "/realms/" + segment(settings.adminRealm()) + "/protocol/openid-connect/token"))
        .timeout(settings.timeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = exchange(request, "admin sign-in");
    if (response.statusCode() != 200) {
      throw new KeycloakCallFailed("admin sign-in to realm '" + settings.adminRealm()
          + "' refused: Keycloak answered " + response.statusCode());
    }
    JsonNode answer = parse(response.body(), "admin sign-in");
    String fresh = answer.path("access_token").asText("");
    if (fresh.isEmpty()) {
      throw new KeycloakCallFailed("admin sign-in: Keycloak answered without a token");
    }
    long lifetime = answer.path("expires_in").asLong(60);
    token = fresh;
    tokenRenewAt = asked.plusSeconds(lifetime).minus(TOKEN_MARGIN);
    return token;
  }

  private HttpResponse<String> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeycloakCallFailed(what + ": Keycloak at " + Redacted.uri(settings.baseUrl())
          + " cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakCallFailed(what + ": interrupted");
    }
  }

  private JsonNode parse(String body, String what) {
    if (body == null || body.isBlank()) {
      return json.nullNode();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new KeycloakCallFailed(what + ": Keycloak's answer is not valid JSON");
    }
  }

  private static String realmPath(String realm) {
    return "/admin/realms/" + segment(realm);
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
