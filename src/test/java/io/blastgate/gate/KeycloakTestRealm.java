package io.blastgate.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.testing.LocalKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The test's own hands on the local Keycloak, apart from the executor: makes a realm, users with a
 * password, a public client that signs users in with their password ({@value #PROBE}), confidential
 * clients with a service account; and tries sign-ins the way an application would.
 */
final class KeycloakTestRealm {
  static final String PROBE = "probe";
  static final String USER_PASSWORD = "correct-horse-battery-staple";

  private final LocalKeycloak keycloak;
  private final String realm;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  KeycloakTestRealm(LocalKeycloak keycloak, String realm) {
    this.keycloak = keycloak;
    this.realm = realm;
    admin("POST", "/admin/realms", Map.of("realm", realm, "enabled", true));
    admin("POST", "/admin/realms/" + realm + "/clients", Map.of(
        "clientId", PROBE, "publicClient", true, "directAccessGrantsEnabled", true,
        "standardFlowEnabled", false));
  }

  String realm() {
    return realm;
  }

  void createUser(String username) {
    admin("POST", "/admin/realms/" + realm + "/users", Map.of(
        "username", username, "enabled", true, "email", username + "@example.org", "emailVerified", true,
        "firstName", username, "lastName", "Test",
        "credentials", java.util.List.of(Map.of("type", "password", "value", USER_PASSWORD, "temporary", false))));
  }

  /** A confidential client with a service account; answers its secret. */
  String createServiceClient(String clientId) {
    admin("POST", "/admin/realms/" + realm + "/clients", Map.of(
        "clientId", clientId, "publicClient", false, "serviceAccountsEnabled", true,
        "standardFlowEnabled", false, "clientAuthenticatorType", "client-secret"));
    return secretOf(clientId);
  }

  String secretOf(String clientId) {
    return secretOf(realm, clientId);
  }

  /**
   * A confidential client of the admin realm whose service account holds the admin realm's {@code
   * admin} role, as the executor's own client in production (which may hold less); answers its secret.
   */
  String createAdminClient(String clientId) {
    String master = LocalKeycloak.ADMIN_REALM;
    admin("POST", "/admin/realms/" + master + "/clients", Map.of(
        "clientId", clientId, "publicClient", false, "serviceAccountsEnabled", true,
        "standardFlowEnabled", false, "clientAuthenticatorType", "client-secret"));
    String uuid = clientUuid(master, clientId);
    String account = admin("GET", "/admin/realms/" + master + "/clients/" + uuid + "/service-account-user", null)
        .path("id").asText();
    JsonNode role = admin("GET", "/admin/realms/" + master + "/roles/admin", null);
    admin("POST", "/admin/realms/" + master + "/users/" + account + "/role-mappings/realm", java.util.List.of(role));
    return secretOf(master, clientId);
  }

  private String secretOf(String inRealm, String clientId) {
    String uuid = clientUuid(inRealm, clientId);
    return admin("GET", "/admin/realms/" + inRealm + "/clients/" + uuid + "/client-secret", null)
        .path("value").asText();
  }

  void createRealmRole(String name) {
    admin("POST", "/admin/realms/" + realm + "/roles", Map.of("name", name));
  }

  void deleteRealmRole(String name) {
    admin("DELETE", "/admin/realms/" + realm + "/roles/" + name, null);
  }

  /** Maps realm roles to a user, or to a client's service account ({@code client:} before its clientId). */
  void grantRealmRoles(String holder, String... roles) {
    java.util.List<JsonNode> reps = new java.util.ArrayList<>();
    for (String role : roles) {
      reps.add(admin("GET", "/admin/realms/" + realm + "/roles/" + role, null));
    }
    admin("POST", rolesPath(holder), reps);
  }

  /** The names of the realm roles mapped directly to a user or a client's service account, sorted. */
  java.util.List<String> realmRolesOf(String holder) {
    java.util.List<String> names = new java.util.ArrayList<>();
    admin("GET", rolesPath(holder), null).forEach(r -> names.add(r.path("name").asText()));
    return names.stream().sorted().toList();
  }

  private String rolesPath(String holder) {
    String userId = holder.startsWith("client:")
        ? admin("GET", "/admin/realms/" + realm + "/clients/" + clientUuid(realm, holder.substring(7))
            + "/service-account-user", null).path("id").asText()
        : user(holder).path("id").asText();
    return "/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm";
  }

  JsonNode user(String username) {
    return admin("GET", "/admin/realms/" + realm + "/users?exact=true&username=" + username, null).get(0);
  }

  JsonNode sessions(String username) {
    return admin("GET", "/admin/realms/" + realm + "/users/" + user(username).path("id").asText() + "/sessions", null);
  }

  /** The status of a password sign-in through the probe client: 200 when the user may sign in. */
  int passwordSignIn(String username) {
    return token(Map.of("grant_type", "password", "client_id", PROBE, "username", username,
        "password", USER_PASSWORD));
  }

  /** The status of a client-credentials sign-in: 200 when the secret works and the client is enabled. */
  int clientSignIn(String clientId, String secret) {
    return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  private String clientUuid(String inRealm, String clientId) {
    return admin("GET", "/admin/realms/" + inRealm + "/clients?clientId=" + clientId, null).get(0).path("id").asText();
  }

  private int token(Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri("/realms/" + realm + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(body))).statusCode();
  }

  private JsonNode admin(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
          .header("Authorization", "Bearer " + adminToken())
          .header("Content-Type", "application/json")
          .method(method, body == null ? BodyPublishers.noBody()
              : BodyPublishers.ofString(json.writeValueAsString(body)));
      HttpResponse<String> response = send(request);
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
      }
      return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  private String adminToken() throws IOException {
    String body = "grant_type=password&client_id=admin-cli&username=" + LocalKeycloak.ADMIN_USER
        + "&password=" + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            uri("/realms/" + LocalKeycloak.ADMIN_REALM + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(body)));
    ObjectNode answer = (ObjectNode) json.readTree(response.body());
    return answer.path("access_token").asText();
  }

  private URI uri(String path) {
    return URI.create(keycloak.baseUrl() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
