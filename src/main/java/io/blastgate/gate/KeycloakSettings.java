package io.blastgate.gate;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Keycloak executor acts and how it signs in to the Admin REST API: the server's base URL
 * (without a trailing {@code /}), the realm it gets its admin token from, the credentials for that
 * token, which graph ids stand for which Keycloak objects ({@link KeycloakMapping}), and how long one
 * call may take. {@link #toString()} never shows a password or a client secret.
 */
public record KeycloakSettings(
    URI baseUrl, String adminRealm, AdminCredentials credentials, KeycloakMapping mapping, Duration timeout) {

  public KeycloakSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(adminRealm, "adminRealm");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the Keycloak URL must be http:// or https:// with a host");
    }
    String text = baseUrl.toString();
    baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    if (adminRealm.isBlank()) {
      throw new IllegalArgumentException("the admin realm must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
  }

  @Override
  public String toString() {
    return "KeycloakSettings[baseUrl=" + baseUrl + ", adminRealm=" + adminRealm + ", credentials="
        + credentials + ", mapping=" + mapping + ", timeout=" + timeout + "]";
  }

  /** How the executor gets its admin token from {@link #adminRealm()}. */
  public sealed interface AdminCredentials permits ClientCredentials, AdminUser {}

  /**
   * A confidential client with a service account that holds the realm-management roles it needs
   * (manage-users, manage-clients, view-*): the way to run it in production.
   */
  public record ClientCredentials(String clientId, String secret) implements AdminCredentials {
    public ClientCredentials {
      requireText(clientId, "clientId");
      requireText(secret, "secret");
    }

    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + ", secret=***]";
    }
  }

  /** A user of the admin realm, through the {@code admin-cli} client (password grant): for tests. */
  public record AdminUser(String username, String password) implements AdminCredentials {
    public AdminUser {
      requireText(username, "username");
      requireText(password, "password");
    }

    @Override
    public String toString() {
      return "AdminUser[username=" + username + ", password=***]";
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
