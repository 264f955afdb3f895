package io.blastgate.cli;

import java.util.List;
import java.util.Map;

/**
 * How much the program's own loggers say, chosen before the first of them exists (logback reads it as
 * {@code BLASTGATE_LOG_LEVEL}, see {@code logback.xml}). A person at a terminal wants the command's
 * answer, not its steps: every command logs warnings only, except {@code serve}, whose operator wants
 * each request in the log. {@code --verbose} asks for everything (INFO) with any command, and a
 * {@code BLASTGATE_LOG_LEVEL} set in the environment wins over both. Logs go to stderr, answers to
 * stdout.
 */
final class LogLevel {
  static final String KEY = "BLASTGATE_LOG_LEVEL";
  static final String VERBOSE = "--verbose";

  private LogLevel() {}

  /** The level for a run with these arguments and this environment. */
  static String forRun(List<String> args, Map<String, String> env) {
    String set = env.get(KEY);
    if (set != null && !set.isBlank()) {
      return set;
    }
    if (args.contains(VERBOSE)) {
      return "INFO";
    }
    String command = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
    return command.equals("serve") ? "INFO" : "WARN";
  }

  /** Sets the level for this run; call it before anything logs. */
  static void choose(String[] args) {
    System.setProperty(KEY, forRun(List.of(args), System.getenv()));
  }
}
