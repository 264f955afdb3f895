package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature is the one docs/executors.md documents, to the test vector a receiver can check. */
class WebhookSignatureTest {
  @Test
  void theDocumentedTestVectorHolds() {
    byte[] secret = "whsec-example-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    byte[] body = "{\"event\":\"execute\",\"request_id\":\"req-1\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.sign(secret, 1764669600L, body))
        .isEqualTo("v1=24f3f60bf5bc24ef8062e07c5d4b42edfd62f0ba6f963864f9c574572bc6063d");
  }

  @Test
  void anotherTimestampOrBodyOrSecretSignsDifferently() {
    byte[] secret = "whsec-example-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSignature.sign(secret, 1L, body);

    assertThat(WebhookSignature.sign(secret, 2L, body)).isNotEqualTo(signature);
    assertThat(WebhookSignature.sign(secret, 1L, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
    assertThat(WebhookSignature.sign("x".repeat(40).getBytes(StandardCharsets.UTF_8), 1L, body)).isNotEqualTo(signature);
  }
}
