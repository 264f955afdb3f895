package io.blastgate.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What no answer or report may say: the names of the program's insides (libraries, their settings
 * and classes, Java's exceptions, package names), the server's temporary files, and the parsers'
 * own jargon. A test scans what it got with {@link #find}.
 */
public final class InternalNames {
  public static final Pattern PATTERN = Pattern.compile(String.join("|",
      "com\\.fasterxml", "(?i:jackson)", "StreamRead", "JsonRead", "ReadFeature", "ReadConstraints",
      "Exception", "\\bjava\\.", "\\bjavax\\.", "\\bsun\\.", "\\borg\\.[a-z]", "\\bio\\.(blastgate|javalin|netty)",
      "blastgate-upload", "blastgate-import", "/tmp/", "java\\.io\\.tmpdir",
      "REDACTED", "\\[Source:", "CTRL-CHAR", "encapsulated token", "(CEN|LOC|END) header",
      // a qualified class name (a.b.C), and a class's simple name by its usual endings
      "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]+",
      "\\b[A-Z][a-z0-9]+([A-Z][a-z0-9]+)*(Exception|Error|Feature|Parser|Reader|Stream)\\b"));

  private InternalNames() {}

  /** The first internal name in {@code text}, or null when there is none. */
  public static String find(String text) {
    Matcher m = PATTERN.matcher(text);
    return m.find() ? m.group() : null;
  }
}
