package io.blastgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Keycloak executor's keys: absent by default, all required together, the secret never shown. */
class KeycloakConfigTest {
  private static final Map<String, String> COMPLETE = Map.of(
      "BLASTGATE_KEYCLOAK_URL", "https://sso.example.org",
      "BLASTGATE_KEYCLOAK_CLIENT_ID", "blastgate",
      "BLASTGATE_KEYCLOAK_CLIENT_SECRET", "s3cr3t-value",
      "BLASTGATE_KEYCLOAK_MAPPING", "person:{name}=user@acme");

  @Test
  void noUrlNoKeycloak() {
    assertThat(AppConfig.fromEnvironment(Map.of()).keycloak()).isEmpty();
  }

  @Test
  void aCompleteSetIsReadWithTheMasterRealmByDefault() {
    KeycloakConfig keycloak = AppConfig.fromEnvironment(COMPLETE).keycloak().orElseThrow();

    assertThat(keycloak.url()).isEqualTo(URI.create("https://sso.example.org"));
    assertThat(keycloak.realm()).isEqualTo("master");
    assertThat(keycloak.clientId()).isEqualTo("blastgate");
    assertThat(keycloak.clientSecret().value()).isEqualTo("s3cr3t-value");
    assertThat(keycloak.mapping()).isEqualTo("person:{name}=user@acme");
    assertThat(keycloak.toString()).doesNotContain("s3cr3t-value").contains("***");
  }

  @Test
  void aUrlWithoutTheRestListsEveryMissingKey() {
    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class,
        () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_KEYCLOAK_URL", "https://sso.example.org")));

    assertThat(e.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("is required with BLASTGATE_KEYCLOAK_URL"));
  }

  @Test
  void aSecretWithoutAUrlIsAnErrorThatDoesNotShowIt() {
    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class,
        () -> AppConfig.fromEnvironment(Map.of("BLASTGATE_KEYCLOAK_CLIENT_SECRET", "s3cr3t-value")));

    assertThat(e.problems()).singleElement().asString()
        .startsWith("BLASTGATE_KEYCLOAK_CLIENT_SECRET").doesNotContain("s3cr3t-value");
  }

  @Test
  void aUrlWithUserInfoIsRefused() {
    Map<String, String> env = new java.util.HashMap<>(COMPLETE);
    env.put("BLASTGATE_KEYCLOAK_URL", "https://admin:pw@sso.example.org");

    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class, () -> AppConfig.fromEnvironment(env));

    assertThat(e.problems()).singleElement().asString().startsWith("BLASTGATE_KEYCLOAK_URL").doesNotContain("pw@");
  }
}
