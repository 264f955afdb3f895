package io.blastgate.gate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, Stripe's scheme: {@code X-Blastgate-Signature: v1=<hex>} where
 * the hex is HMAC-SHA256, keyed with the shared secret, over the bytes of {@code <timestamp>.<body>};
 * the timestamp, in unix seconds, is sent as {@code X-Blastgate-Timestamp}. Signing the timestamp with
 * the body lets the receiver refuse an old delivery replayed; docs/executors.md shows the check.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "X-Blastgate-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Blastgate-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  static final String VERSION = "v1=";

  private WebhookSignature() {}

  /** The header's value, {@code v1=} and 64 hex digits. */
  public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return VERSION + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      // Every Java runtime has HMAC-SHA256; without it nothing could be signed at all.
      throw new IllegalStateException("this Java runtime cannot compute HMAC-SHA256", e);
    }
  }
}
