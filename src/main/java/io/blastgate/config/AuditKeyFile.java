package io.blastgate.config;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail's key on disk, outside the graph. {@code BLASTGATE_AUDIT_KEY_FILE} names a file that
 * must exist (a key that went missing must not be replaced by a new one in silence: the chain would no
 * longer verify); without it, {@code audit.key} in the data folder is made on first use, 32 random
 * bytes, {@code rw-------}, and used from then on. Either way a file that group or others may read or
 * write is refused, as the tokens file is, and one shorter than 32 bytes too. The key's bytes are
 * never logged nor printed.
 */
public final class AuditKeyFile {
  static final String DEFAULT_NAME = "audit.key";
  /** As many bytes as the HMAC's hash: the fewest a key may have. */
  public static final int KEY_BYTES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(AuditKeyFile.class);
  private static final String KEY = ConfigKey.AUDIT_KEY_FILE.envName();

  private AuditKeyFile() {}

  /** The key's bytes, from the configured file, or from the data folder's (made now if missing). */
  public static byte[] read(AppConfig config) {
    Path file = config.auditKeyPath();
    if (config.auditKeyFile().isEmpty() && !Files.exists(file)) {
      create(file);
    }
    if (!Files.isReadable(file)) {
      throw refused("no readable file at " + file);
    }
    try {
      PrivateFiles.openToOthers(file).ifPresent(permissions -> {
        throw refused(file + " is open to group or others (" + permissions
            + "); make it the service's own: chmod 600 " + file);
      });
      byte[] key = Files.readAllBytes(file);
      if (key.length < KEY_BYTES) {
        throw refused(file + " holds " + key.length + " bytes; an audit key is at least " + KEY_BYTES
            + " random bytes (head -c 32 /dev/urandom > " + file + ")");
      }
      return key;
    } catch (IOException e) {
      throw refused("cannot read " + file);
    }
  }

  /**
   * Makes the key file whole or not at all: written under another name, then linked to its own, which
   * fails if another process made it meanwhile (that one is used).
   */
  private static void create(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    Path draft = null;
    try {
      PrivateFiles.privateFolder(folder);
      draft = PrivateFiles.newFile(folder, DEFAULT_NAME, ".new");
      byte[] key = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(key);
      Files.write(draft, key);
      Files.createLink(file, draft);
      LOG.info("made the audit trail's key {}: keep a copy in a secret store, the chain verifies only with it", file);
    } catch (FileAlreadyExistsException e) {
      // another process made it first: use that one
    } catch (IOException | UnsupportedOperationException e) {
      throw refused("cannot make the audit key " + file + "; set " + KEY + " to a file of 32 random bytes");
    } finally {
      if (draft != null) {
        try {
          Files.deleteIfExists(draft);
        } catch (IOException e) {
          LOG.warn("could not delete the draft of the audit key {}", draft);
        }
      }
    }
  }

  private static InvalidConfiguration refused(String why) {
    return new InvalidConfiguration("the configuration", List.of(KEY + ": " + why));
  }
}
