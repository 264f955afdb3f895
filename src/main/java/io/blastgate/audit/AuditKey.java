package io.blastgate.audit;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the chain's hashes (HMAC-SHA256). It is held outside the graph (a file of the
 * service's, {@code BLASTGATE_AUDIT_KEY_FILE}), so that whoever can write the database cannot compute
 * the hash of an entry they forge. It prints as {@code ***} and offers no way to read it back.
 */
public final class AuditKey {
  /** The fewest bytes a key may have: as many as the hash gives. */
  public static final int MIN_BYTES = 32;

  private static final String HMAC = "HmacSHA256";
  private final SecretKeySpec spec;

  private AuditKey(byte[] bytes) {
    this.spec = new SecretKeySpec(bytes, HMAC);
  }

  /** A key of these bytes (copied), at least {@link #MIN_BYTES} of them. */
  public static AuditKey of(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "an audit key is at least " + MIN_BYTES + " random bytes; this one has " + bytes.length);
    }
    return new AuditKey(Arrays.copyOf(bytes, bytes.length));
  }

  /** A new random key of {@link #MIN_BYTES} bytes. */
  public static AuditKey random() {
    return new AuditKey(randomBytes());
  }

  /** {@link #MIN_BYTES} bytes from a {@link SecureRandom}: the content of a new key file. */
  public static byte[] randomBytes() {
    byte[] bytes = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** HMAC-SHA256 of {@code message} under this key, in lower-case hex. */
  String sign(byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(spec);
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no HMAC-SHA256", e);
    }
  }

  @Override
  public String toString() {
    return "***";
  }
}
