package io.blastgate.config;

import io.blastgate.graph.GraphSettings.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * The Keycloak executor's keys (docs/configuration.md, docs/executors.md), present when {@code
 * BLASTGATE_KEYCLOAK_URL} is set: the server, the realm of the client that signs in to the Admin API,
 * that client's id and secret, and the mapping from graph ids to Keycloak users and clients, as text
 * ({@code io.blastgate.gate.KeycloakMapping#parse} reads it where the executor is wired). Prints its
 * secret as {@code ***}.
 */
public record KeycloakConfig(URI url, String realm, String clientId, Secret clientSecret, String mapping) {
  public KeycloakConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(mapping, "mapping");
  }

  /** Empty without a URL; with one, the client, its secret and the mapping are required. */
  static Optional<KeycloakConfig> read(ConfigReader in) {
    ConfigKey[] others = {ConfigKey.KEYCLOAK_CLIENT_ID, ConfigKey.KEYCLOAK_CLIENT_SECRET, ConfigKey.KEYCLOAK_MAPPING};
    if (!in.isSet(ConfigKey.KEYCLOAK_URL)) {
      for (ConfigKey key : others) {
        if (in.isSet(key)) {
          in.problem(key, "is only used with BLASTGATE_KEYCLOAK_URL, which is not set");
        }
      }
      return Optional.empty();
    }
    Optional<URI> url = url(in);
    String realm = in.requiredText(ConfigKey.KEYCLOAK_REALM);
    for (ConfigKey key : others) {
      if (!in.isSet(key)) {
        in.problem(key, "is required with BLASTGATE_KEYCLOAK_URL (there is no default)");
      }
    }
    if (url.isEmpty() || others.length != java.util.Arrays.stream(others).filter(in::isSet).count()) {
      return Optional.empty();
    }
    return Optional.of(new KeycloakConfig(url.get(), realm, in.text(ConfigKey.KEYCLOAK_CLIENT_ID).orElseThrow(),
        new Secret(in.text(ConfigKey.KEYCLOAK_CLIENT_SECRET).orElseThrow()),
        in.text(ConfigKey.KEYCLOAK_MAPPING).orElseThrow()));
  }

  private static Optional<URI> url(ConfigReader in) {
    String text = in.text(ConfigKey.KEYCLOAK_URL).orElseThrow();
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getUserInfo() == null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    in.problem(ConfigKey.KEYCLOAK_URL, "must be an http:// or https:// URL with a host and no user-info, such as "
        + "https://sso.example.org");
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "KeycloakConfig[url=" + url + ", realm=" + realm + ", clientId=" + clientId + ", clientSecret=***, mapping="
        + mapping + "]";
  }
}
