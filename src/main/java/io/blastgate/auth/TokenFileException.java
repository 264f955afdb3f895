package io.blastgate.auth;

import java.util.List;

/** The tokens file cannot be used; {@link #problems()} lists every problem found, never a token or hash. */
public final class TokenFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public TokenFileException(List<String> problems) {
    super("unusable tokens file:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
