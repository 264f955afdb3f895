package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.gate.KeycloakMapping.Kind;
import io.blastgate.gate.KeycloakMapping.Target;
import io.blastgate.gate.KeycloakSettings.AdminUser;
import io.blastgate.gate.KeycloakSettings.ClientCredentials;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mapping from graph ids to Keycloak objects, and what the executor takes on: no server needed. */
class KeycloakMappingTest {
  private final KeycloakMapping mapping =
      KeycloakMapping.parse("person:{name}=user@acme;\n kc:client/{name}/secret = client @ ops ; okta:{name}=user@acme");

  @Test
  void theFirstMatchingRuleNamesTheObject() {
    assertThat(mapping.resolve("person:alice")).contains(new Target(Kind.USER, "acme", "alice"));
    assertThat(mapping.resolve("kc:client/billing/secret")).contains(new Target(Kind.CLIENT, "ops", "billing"));
    assertThat(mapping.resolve("aws:iam::1:role/x")).isEmpty();
    assertThat(mapping.resolve("person:")).as("an empty name is no name").isEmpty();
    assertThat(mapping.resolve("kc:client/billing")).isEmpty();
  }

  @Test
  void malformedRulesAreAllNamed() {
    assertThatThrownBy(() -> KeycloakMapping.parse("person:alice=user@acme; x:{name}=group@acme; y:{name}=user"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly once")
        .hasMessageContaining("'group'")
        .hasMessageContaining("y:{name}=user");
  }

  @Test
  void theExecutorHandlesOnlyMappedTargetsAndTheActionsItCarriesOut() {
    KeycloakExecutor executor = new KeycloakExecutor(new KeycloakSettings(
        URI.create("http://127.0.0.1:1/"), "master", new AdminUser("admin", "pw"), mapping, Duration.ofSeconds(5)));

    assertThat(executor.handles(order("disable_identity", "person:alice"))).isTrue();
    assertThat(executor.handles(order("quarantine_session", "person:alice"))).isTrue();
    assertThat(executor.handles(order("rotate_credential", "person:alice"))).isFalse();
    assertThat(executor.handles(order("rotate_credential", "kc:client/billing/secret"))).isTrue();
    assertThat(executor.handles(order("quarantine_session", "kc:client/billing/secret"))).isFalse();
    assertThat(executor.handles(order("disable_identity", "aws:iam::1:role/x"))).isFalse();
    assertThat(executor.handles(order("block_workload", "person:alice"))).isFalse();
    assertThat(executor.execute(order("disable_identity", "aws:iam::1:role/x")).succeeded()).isFalse();
  }

  @Test
  void settingsNeverPrintASecret() {
    KeycloakSettings settings = new KeycloakSettings(URI.create("https://sso.example.org"), "master",
        new ClientCredentials("blastgate", "s3cr3t-value"), mapping, Duration.ofSeconds(5));
    KeycloakSettings withUser = new KeycloakSettings(URI.create("https://sso.example.org"), "master",
        new AdminUser("admin", "hunter2-value"), mapping, Duration.ofSeconds(5));

    assertThat(settings.toString()).doesNotContain("s3cr3t-value").contains("***");
    assertThat(withUser.toString()).doesNotContain("hunter2-value").contains("***");
    assertThat(new KeycloakSettings(URI.create("http://127.0.0.1:8080/"), "master", new AdminUser("a", "b"),
        mapping, Duration.ofSeconds(5)).baseUrl()).hasToString("http://127.0.0.1:8080");
  }

  private static ExecutionOrder order(String action, String targetId) {
    return new ExecutionOrder("r", "k", action, targetId, "Identity", "human", false, null, "t", "x");
  }
}
