package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.gate.KeycloakSettings.AdminUser;
import io.blastgate.gate.KeycloakSettings.ClientCredentials;
import io.blastgate.testing.LocalKeycloak;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Keycloak executor against a real local Keycloak ({@link LocalKeycloak}): the test makes its
 * realm, users and clients through the Admin API, runs orders, and checks what Keycloak then does (a
 * sign-in refused or accepted, a secret refused), not only what it stores.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class KeycloakExecutorTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static LocalKeycloak keycloak;
  private static KeycloakTestRealm realm;
  private static KeycloakExecutor executor;

  @BeforeAll
  static void startKeycloak() {
    keycloak = LocalKeycloak.shared();
    realm = new KeycloakTestRealm(keycloak, "acme-" + UUID.randomUUID().toString().substring(0, 8));
    executor = new KeycloakExecutor(settings(keycloak.baseUrl(), keycloak.adminPassword()));
  }

  private static KeycloakSettings settings(URI baseUrl, String adminPassword) {
    return new KeycloakSettings(
        baseUrl,
        LocalKeycloak.ADMIN_REALM,
        new AdminUser(LocalKeycloak.ADMIN_USER, adminPassword),
        KeycloakMapping.parse("person:{name}=user@" + realm.realm() + "; kc-client:{name}=client@" + realm.realm()),
        Duration.ofSeconds(60));
  }

  private static String name(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  private static ExecutionOrder order(String action, String targetId, boolean undo) {
    String label = action.endsWith("_credential") ? "Credential" : "Identity";
    return new ExecutionOrder("req-" + targetId + "-" + action, "key-" + targetId + "-" + action, action,
        targetId, label, "human", undo, null, "tester", "test");
  }

  @Test
  void disablingAUserStopsItsSignInUntilUndone() {
    String user = name("alice");
    realm.createUser(user);
    assertThat(realm.passwordSignIn(user)).isEqualTo(200);

    ExecutionResult disabled = executor.execute(order("disable_identity", "person:" + user, false));

    assertThat(disabled.succeeded()).as(disabled.detail()).isTrue();
    assertThat(realm.user(user).path("enabled").asBoolean()).isFalse();
    assertThat(realm.passwordSignIn(user)).isNotEqualTo(200);

    ExecutionResult again = executor.execute(order("disable_identity", "person:" + user, false));
    assertThat(again.succeeded()).isTrue();
    assertThat(again.detail()).contains("already disabled");
    assertThat(realm.user(user).path("enabled").asBoolean()).isFalse();

    ExecutionResult enabled = executor.execute(order("disable_identity", "person:" + user, true));
    assertThat(enabled.succeeded()).as(enabled.detail()).isTrue();
    assertThat(realm.passwordSignIn(user)).isEqualTo(200);
  }

  @Test
  void rotatingAClientSecretRefusesTheOldOneAndTheNewOneWorks() {
    String client = name("billing");
    String old = realm.createServiceClient(client);
    assertThat(realm.clientSignIn(client, old)).isEqualTo(200);

    ExecutionResult rotated = executor.execute(order("rotate_credential", "kc-client:" + client, false));

    assertThat(rotated.succeeded()).as(rotated.detail()).isTrue();
    String fresh = realm.secretOf(client);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(realm.clientSignIn(client, old)).isNotEqualTo(200);
    assertThat(realm.clientSignIn(client, fresh)).isEqualTo(200);
    assertThat(rotated.detail()).doesNotContain(old).doesNotContain(fresh);

    ExecutionResult again = executor.execute(order("rotate_credential", "kc-client:" + client, false));
    assertThat(again.succeeded()).isTrue();
    assertThat(realm.secretOf(client)).as("the same order does not rotate twice").isEqualTo(fresh);
  }

  @Test
  void revokingAClientSecretRegeneratesIt() {
    String client = name("ledger");
    String old = realm.createServiceClient(client);

    ExecutionResult revoked = executor.execute(order("revoke_credential", "kc-client:" + client, false));

    assertThat(revoked.succeeded()).as(revoked.detail()).isTrue();
    assertThat(realm.clientSignIn(client, old)).isNotEqualTo(200);
    assertThat(executor.execute(order("revoke_credential", "kc-client:" + client, true)).succeeded())
        .as("a regenerated secret cannot be restored").isFalse();
  }

  @Test
  void disablingAServiceAccountClientStopsItsSignInUntilUndone() {
    String client = name("etl");
    String secret = realm.createServiceClient(client);

    ExecutionResult disabled = executor.execute(order("disable_identity", "kc-client:" + client, false));

    assertThat(disabled.succeeded()).as(disabled.detail()).isTrue();
    assertThat(realm.clientSignIn(client, secret)).isNotEqualTo(200);
    assertThat(executor.execute(order("disable_identity", "kc-client:" + client, true)).succeeded()).isTrue();
    assertThat(realm.clientSignIn(client, secret)).isEqualTo(200);
  }

  @Test
  void quarantineRevokesEverySessionOfTheUser() {
    String user = name("bob");
    realm.createUser(user);
    assertThat(realm.passwordSignIn(user)).isEqualTo(200);
    assertThat(realm.sessions(user)).isNotEmpty();

    ExecutionResult quarantined = executor.execute(order("quarantine_session", "person:" + user, false));

    assertThat(quarantined.succeeded()).as(quarantined.detail()).isTrue();
    assertThat(realm.sessions(user)).isEmpty();
  }

  @Test
  void stepUpRequiresAOneTimePasswordUntilUndone() {
    String user = name("carol");
    realm.createUser(user);

    assertThat(executor.execute(order("step_up_auth", "person:" + user, false)).succeeded()).isTrue();
    assertThat(realm.user(user).path("requiredActions").toString()).contains("CONFIGURE_TOTP");

    assertThat(executor.execute(order("step_up_auth", "person:" + user, true)).succeeded()).isTrue();
    assertThat(realm.user(user).path("requiredActions").toString()).doesNotContain("CONFIGURE_TOTP");
  }

  @Test
  void aServiceAccountOfTheAdminRealmCanActAsInProduction() {
    String user = name("dave");
    realm.createUser(user);
    String clientId = name("blastgate");
    String secret = realm.createAdminClient(clientId);
    KeycloakExecutor withClient = new KeycloakExecutor(new KeycloakSettings(keycloak.baseUrl(),
        LocalKeycloak.ADMIN_REALM, new ClientCredentials(clientId, secret),
        KeycloakMapping.parse("person:{name}=user@" + realm.realm()), Duration.ofSeconds(60)));

    ExecutionResult disabled = withClient.execute(order("suspend", "person:" + user, false));

    assertThat(disabled.succeeded()).as(disabled.detail()).isTrue();
    assertThat(realm.passwordSignIn(user)).isNotEqualTo(200);
    assertThat(withClient.execute(order("suspend", "person:" + user, true)).succeeded()).isTrue();
    assertThat(realm.passwordSignIn(user)).isEqualTo(200);
  }

  @Test
  void restrictingAUserRemovesItsRealmRolesAndTheUndoRestoresThoseAndOnlyThose() {
    String user = name("erin");
    realm.createUser(user);
    String payer = name("payer");
    String auditor = name("auditor");
    String later = name("later");
    for (String role : new String[] {payer, auditor, later}) {
      realm.createRealmRole(role);
    }
    realm.grantRealmRoles(user, payer, auditor);
    java.util.List<String> before = realm.realmRolesOf(user);
    assertThat(before).contains(payer, auditor, "default-roles-" + realm.realm());

    ExecutionResult restricted = executor.execute(order("restrict", "person:" + user, false));

    assertThat(restricted.succeeded()).as(restricted.detail()).isTrue();
    assertThat(realm.realmRolesOf(user)).isEmpty();
    assertThat(restricted.detail()).contains(payer).contains(auditor);
    // Meanwhile someone grants another role: the undo gives back what was removed, and leaves that be.
    realm.grantRealmRoles(user, later);
    ExecutionResult undone = executor.execute(order("restrict", "person:" + user, true).withMemo(restricted.memo()));

    assertThat(undone.succeeded()).as(undone.detail()).isTrue();
    java.util.List<String> expected = new java.util.ArrayList<>(before);
    expected.add(later);
    assertThat(realm.realmRolesOf(user)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(executor.execute(order("restrict", "person:" + user, true)).succeeded())
        .as("an undo with no record of what was removed restores nothing").isFalse();
  }

  @Test
  void restrictingAServiceAccountClientRemovesItsRolesAndARoleGoneMeanwhileIsNamedOnUndo() {
    String client = name("batch");
    realm.createServiceClient(client);
    String writer = name("writer");
    String reader = name("reader");
    realm.createRealmRole(writer);
    realm.createRealmRole(reader);
    realm.grantRealmRoles("client:" + client, writer, reader);

    ExecutionResult restricted = executor.execute(order("restrict", "kc-client:" + client, false));

    assertThat(restricted.succeeded()).as(restricted.detail()).isTrue();
    assertThat(realm.realmRolesOf("client:" + client)).isEmpty();
    realm.deleteRealmRole(writer);
    ExecutionResult undone = executor.execute(order("restrict", "kc-client:" + client, true).withMemo(restricted.memo()));

    assertThat(undone.succeeded()).as(undone.detail()).isTrue();
    assertThat(undone.detail()).contains("no longer in the realm, not restored: " + writer);
    assertThat(realm.realmRolesOf("client:" + client)).contains(reader).doesNotContain(writer);
  }

  @Test
  void anUnknownUserFailsAndSaysWhichOne() {
    ExecutionResult result = executor.execute(order("disable_identity", "person:nobody-here", false));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.detail()).contains("nobody-here").contains(realm.realm());
  }

  @Test
  void aWrongAdminPasswordFailsWithoutShowingIt() {
    String wrong = "not-the-" + UUID.randomUUID();
    KeycloakExecutor refused = new KeycloakExecutor(settings(keycloak.baseUrl(), wrong));

    ExecutionResult result = refused.execute(order("disable_identity", "person:anyone", false));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.detail()).contains("admin sign-in").contains("refused").doesNotContain(wrong);
  }

  @Test
  void aKeycloakThatDoesNotAnswerFails() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    KeycloakExecutor down = new KeycloakExecutor(
        settings(URI.create("http://127.0.0.1:" + closedPort), keycloak.adminPassword()));

    ExecutionResult result = down.execute(order("disable_identity", "person:anyone", false));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.detail()).contains("cannot be reached").doesNotContain(keycloak.adminPassword());
  }
}
