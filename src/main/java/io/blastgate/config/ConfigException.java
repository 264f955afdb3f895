package io.blastgate.config;

import java.util.List;

/** The configuration is unusable; {@link #problems()} lists every missing or invalid key at once. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return "invalid configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + "):\n  - " + String.join("\n  - ", problems);
  }
}
