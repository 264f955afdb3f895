package io.blastgate.gate;

import java.nio.charset.StandardCharsets;

/**
 * What a result may repeat of a receiver's answer body: the start of it, printable characters only,
 * at most {@value #MAX_CHARS} of them, with the shared secret masked if the receiver echoed it. A
 * receiver's body is untrusted text that ends in the audit and in answers.
 */
final class ReceiverExcerpt {
  /** How many bytes of the body are read at most; the rest is never read. */
  static final int MAX_BYTES = 1024;

  static final int MAX_CHARS = 80;

  private ReceiverExcerpt() {}

  static String of(byte[] body, String secret) {
    String text = new String(body, StandardCharsets.UTF_8).replace(secret, "***");
    StringBuilder printable = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < text.length() && printable.length() < MAX_CHARS; i++) {
      char c = text.charAt(i);
      boolean shown = c >= 0x20 && c < 0x7f || Character.isLetterOrDigit(c);
      if (!shown || c == ' ') {
        space = printable.length() > 0;
        continue;
      }
      if (space) {
        printable.append(' ');
        space = false;
      }
      printable.append(c == '"' ? '\'' : c);
    }
    boolean cut = printable.length() >= MAX_CHARS;
    return cut ? printable + "…" : printable.toString();
  }
}
