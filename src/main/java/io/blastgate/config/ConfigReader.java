package io.blastgate.config;

import io.blastgate.error.Redacted;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses each key's raw value, or its default, and adds a problem for every one that is wrong instead of
 * stopping at the first, so that one start-up lists everything to fix. A secret's value never appears in
 * a problem.
 */
final class ConfigReader {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NEO4J_SCHEMES =
      Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

  private final Map<ConfigKey, ConfigSource.Raw> values;
  private final List<String> problems;

  ConfigReader(Map<ConfigKey, ConfigSource.Raw> values, List<String> problems) {
    this.values = values;
    this.problems = problems;
  }

  boolean isSet(ConfigKey key) {
    ConfigSource.Raw raw = values.get(key);
    return raw != null && !raw.value().isBlank();
  }

  /** The value, else the default; empty when neither exists (or the value is blank). */
  Optional<String> text(ConfigKey key) {
    ConfigSource.Raw raw = values.get(key);
    if (raw != null) {
      return ConfigSource.nonBlank(raw.value());
    }
    return Optional.ofNullable(key.defaultValue());
  }

  String requiredText(ConfigKey key) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      problem(key, "must not be empty");
      return "";
    }
    return text.get();
  }

  Optional<Path> path(ConfigKey key) {
    return text(key).flatMap(text -> parsePath(key, text));
  }

  private Optional<Path> parsePath(ConfigKey key, String text) {
    try {
      return Optional.of(Path.of(text).normalize());
    } catch (InvalidPathException e) {
      problem(key, "is not a valid path: " + shown(key, text));
      return Optional.empty();
    }
  }

  int intInRange(ConfigKey key, int min, int max, int fallback) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      problem(key, "must not be empty");
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    problem(key, "must be an integer from " + min + " to " + max + ", got " + shown(key, text.get()));
    return fallback;
  }

  /** Bytes: a number with an optional unit k, m, g or t (powers of 1024; kb, kib, mb, mib... alike). */
  long bytes(ConfigKey key, long min, long fallback) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      problem(key, "must not be empty");
      return fallback;
    }
    Matcher m = SIZE.matcher(text.get());
    if (m.matches()) {
      try {
        long value =
            Math.multiplyExact(Long.parseLong(m.group(1)), multiplier(m.group(2)));
        if (value >= min) {
          return value;
        }
        problem(key, "must be at least " + min + " bytes, got " + shown(key, text.get()));
        return fallback;
      } catch (ArithmeticException | NumberFormatException e) {
        // too large: reported below
      }
    }
    problem(
        key,
        "must be a size such as 1048576, 512k, 256m or 1g (units are powers of 1024), got "
            + shown(key, text.get()));
    return fallback;
  }

  private static long multiplier(String unit) {
    if (unit == null) {
      return 1;
    }
    return switch (unit.toLowerCase(Locale.ROOT).charAt(0)) {
      case 'k' -> 1L << 10;
      case 'm' -> 1L << 20;
      case 'g' -> 1L << 30;
      case 't' -> 1L << 40;
      default -> 1;
    };
  }

  /** A duration with a unit (500ms, 30s, 2m, 1h) or in ISO-8601 (PT30S); always positive. */
  Duration duration(ConfigKey key, Duration fallback) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      problem(key, "must not be empty");
      return fallback;
    }
    Duration value = parseDuration(text.get());
    if (value == null || value.isNegative() || value.isZero()) {
      problem(
          key, "must be a positive duration such as 500ms, 30s, 2m or 1h, got " + shown(key, text.get()));
      return fallback;
    }
    return value;
  }

  private static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
      if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      return null;
    }
    return null;
  }

  Optional<URI> neo4jUri(ConfigKey key) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (NEO4J_SCHEMES.contains(scheme) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problem(
        key,
        "must be a Neo4j URI such as neo4j://host:7687 or bolt://host:7687 (schemes "
            + String.join(", ", NEO4J_SCHEMES.stream().sorted().toList())
            + "), got "
            + shown(key, text.get()));
    return Optional.empty();
  }

  void problem(ConfigKey key, String what) {
    ConfigSource.Raw raw = values.get(key);
    String where = raw == null ? "" : " (" + raw.origin() + ")";
    String name = raw != null && raw.origin().startsWith("in ") && !raw.origin().equals("in the environment")
        ? key.fileName()
        : key.envName();
    problems.add(name + where + ": " + what);
  }

  /** A value as a problem may show it: never a secret, nor a URI's user-info (a password). */
  private static String shown(ConfigKey key, String text) {
    return key.secret() ? "***" : "'" + Redacted.uri(text) + "'";
  }
}
