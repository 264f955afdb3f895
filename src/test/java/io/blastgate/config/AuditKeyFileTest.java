package io.blastgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit key on disk: made once in the data folder, private, reused; a named file must be there and private. */
class AuditKeyFileTest {
  @Test
  void theDataFoldersKeyIsMadeOncePrivateAndReused(@TempDir Path dir) throws Exception {
    AppConfig config = AppConfig.fromEnvironment(Map.of("BLASTGATE_DATA_DIR", dir.resolve("data").toString()));
    byte[] first = AuditKeyFile.read(config);
    Path file = dir.resolve("data/audit.key");
    assertThat(first).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(AuditKeyFile.read(config)).isEqualTo(first);
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("audit.key");
    }
    assertThat(config.toString()).doesNotContain(java.util.HexFormat.of().formatHex(first));
  }

  @Test
  void aNamedKeyFileMustExistBePrivateAndLongEnough(@TempDir Path dir) throws Exception {
    Path named = dir.resolve("secret/audit.key");
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_DATA_DIR", dir.resolve("data").toString(), "BLASTGATE_AUDIT_KEY_FILE", named.toString()));
    assertThatThrownBy(() -> AuditKeyFile.read(config)).isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("BLASTGATE_AUDIT_KEY_FILE: no readable file at " + named);
    assertThat(named).doesNotExist();

    Files.createDirectories(named.getParent());
    Files.write(named, new byte[16]);
    Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> AuditKeyFile.read(config))
        .hasMessageContaining(named + " holds 16 bytes; an audit key is at least 32 random bytes");

    byte[] key = new byte[48];
    new java.security.SecureRandom().nextBytes(key);
    Files.write(named, key);
    assertThat(AuditKeyFile.read(config)).isEqualTo(key);

    Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> AuditKeyFile.read(config))
        .hasMessageContaining(named + " is open to group or others (rw-r-----); make it the service's own: chmod 600 " + named);
  }
}
