package io.blastgate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

  @Test
  void aGeneratedTokenAuthenticatesAsItsPrincipalAndOthersDoNot() {
    GeneratedToken soar = TokenStore.generate("soar", "person:ana", Set.of(Role.VIEWER, Role.RESPONDER));
    GeneratedToken ci = TokenStore.generate("ci", "team:platform", Set.of(Role.IMPORTER));
    TokenStore store = TokenStore.of(List.of(soar.entry(), ci.entry()));

    assertThat(soar.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
    Principal p = store.authenticate(soar.token()).orElseThrow();
    assertThat(p).isEqualTo(new Principal("soar", "person:ana", Set.of(Role.VIEWER, Role.RESPONDER)));
    assertThat(store.authenticate(ci.token()).orElseThrow().id()).isEqualTo("team:platform");

    assertThat(store.authenticate(soar.token() + "x")).isEmpty();
    assertThat(store.authenticate(soar.token().substring(1))).isEmpty();
    assertThat(store.authenticate(soar.entry().sha256())).isEmpty(); // the hash is not a token
    assertThat(store.authenticate("")).isEmpty();
    assertThat(store.authenticate(null)).isEmpty();
    assertThat(store.authenticate("x".repeat(100_000))).isEmpty();
  }

  @Test
  void adminHoldsEveryRoleAndOtherRolesHoldOnlyThemselves() {
    Principal admin = new Principal("a", "person:a", Set.of(Role.ADMIN));
    Principal viewer = new Principal("v", "person:v", Set.of(Role.VIEWER));
    for (Role role : Role.values()) {
      assertThat(admin.has(role)).isTrue();
      assertThat(viewer.has(role)).isEqualTo(role == Role.VIEWER);
    }
  }

  @Test
  void neitherTheTokenNorItsHashPrints() {
    GeneratedToken t = TokenStore.generate("soar", "person:ana", Set.of(Role.VIEWER));
    assertThat(t.toString()).doesNotContain(t.token()).doesNotContain(t.entry().sha256());
    assertThat(t.entry().toString()).doesNotContain(t.entry().sha256()).contains("soar");
  }

  @Test
  void aFileIsWrittenOwnerOnlyAppendedToAndReadBack(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("etc/tokens.yaml");
    GeneratedToken a = TokenStore.generate("a", "person:a", Set.of(Role.ADMIN));
    GeneratedToken b = TokenStore.generate("b", "person:b", EnumSet.of(Role.VIEWER, Role.AUDITOR));
    TokenStore.append(file, a.entry());
    TokenStore.append(file, b.entry());

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String text = Files.readString(file);
    assertThat(text).doesNotContain(a.token()).doesNotContain(b.token()).contains(b.entry().sha256());

    TokenStore store = TokenStore.load(file);
    assertThat(store.entries()).containsExactly(a.entry(), b.entry());
    assertThat(store.authenticate(b.token()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.AUDITOR);

    assertThatThrownBy(() -> TokenStore.append(file, TokenStore.generate("a", "person:z", Set.of(Role.VIEWER)).entry()))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("token name 'a' is used twice");
    assertThat(TokenStore.load(file).entries()).hasSize(2);
  }

  @Test
  void aHandWrittenFileInTheDocumentedShapeLoads(@TempDir Path dir) throws IOException {
    String hash = "a".repeat(64);
    Path file =
        Files.writeString(
            dir.resolve("tokens.yaml"),
            "tokens:\n  - {name: soar, principal: person:ana, roles: [viewer, responder], sha256: " + hash + "}\n");
    assertThat(TokenStore.load(file).entries())
        .containsExactly(new TokenEntry("soar", "person:ana", Set.of(Role.VIEWER, Role.RESPONDER), hash));
  }

  @Test
  void everyProblemOfAFileIsListedWithoutHashes(@TempDir Path dir) throws IOException {
    String secretish = "b".repeat(63);
    Path file =
        Files.writeString(
            dir.resolve("tokens.yaml"),
            """
            tokens:
              - {name: one, principal: person:a, roles: [viewer, superuser], sha256: %s}
              - {name: "", principal: person:b, roles: [], sha256: %s, expires: tomorrow}
              - just a string
            extra: 1
            """
                .formatted(secretish, "c".repeat(64)));
    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class, () -> TokenStore.load(file));
    assertThat(e.problems())
        .hasSize(7)
        .anySatisfy(p -> assertThat(p).contains("unknown key 'extra'"))
        .anySatisfy(p -> assertThat(p).contains("tokens[0] (one): unknown role 'superuser'"))
        .anySatisfy(p -> assertThat(p).contains("tokens[0] (one): 'sha256' must be"))
        .anySatisfy(p -> assertThat(p).contains("tokens[1] (): unknown field 'expires'"))
        .anySatisfy(p -> assertThat(p).contains("tokens[1] (): 'name' must be a non-empty string"))
        .anySatisfy(p -> assertThat(p).contains("tokens[1] (): 'roles' must be a non-empty list"))
        .anySatisfy(p -> assertThat(p).contains("tokens[2]: must be a map"));
    assertThat(e.getMessage()).doesNotContain(secretish).doesNotContain("c".repeat(64));
  }
}
