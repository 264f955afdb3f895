package io.blastgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The raw values of every key, from the environment and the optional file named by {@code
 * BLASTGATE_CONFIG}; the environment wins. Each value remembers where it came from, so that a problem
 * can say where to fix it. Problems found here (an unreadable file, an unknown key in it) join the list.
 */
final class ConfigSource {
  /** One raw value and where it was set. */
  record Raw(String value, String origin) {}

  private static final Map<String, ConfigKey> BY_FILE_NAME =
      Arrays.stream(ConfigKey.values())
          .collect(Collectors.toMap(ConfigKey::fileName, Function.identity()));

  private ConfigSource() {}

  static Map<ConfigKey, Raw> read(Map<String, String> env, List<String> problems) {
    Map<ConfigKey, Raw> values = new EnumMap<>(ConfigKey.class);
    String file = env.get(ConfigKey.CONFIG_FILE_VARIABLE);
    if (file != null && !file.isBlank()) {
      Path path = Path.of(file.strip());
      readFile(path, problems).forEach((key, value) -> values.put(key, new Raw(value, "in " + path)));
    }
    for (ConfigKey key : ConfigKey.values()) {
      String value = env.get(key.envName());
      if (value != null) {
        values.put(key, new Raw(value, "in the environment"));
      }
    }
    return values;
  }

  private static Map<ConfigKey, String> readFile(Path path, List<String> problems) {
    Map<String, String> flat;
    try {
      flat = isProperties(path) ? readProperties(path) : readYaml(path, problems);
    } catch (IOException | RuntimeException e) {
      problems.add(
          ConfigKey.CONFIG_FILE_VARIABLE + ": cannot read the configuration file " + path + " ("
              + e.getClass().getSimpleName() + ")");
      return Map.of();
    }
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    flat.forEach(
        (name, value) -> {
          ConfigKey key = BY_FILE_NAME.get(name.toLowerCase(Locale.ROOT));
          if (key == null) {
            // A typo in a file must not pass silently: the default would apply instead.
            problems.add(name + " (in " + path + "): unknown key; known keys are " + knownFileNames());
          } else {
            values.put(key, value);
          }
        });
    return values;
  }

  private static boolean isProperties(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".properties");
  }

  private static Map<String, String> readProperties(Path path) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    properties.stringPropertyNames().stream().sorted().forEach(n -> flat.put(n, properties.getProperty(n)));
    return flat;
  }

  /** Nested maps flatten to dotted names, so {@code blastgate: {http: {port: 8080}}} works too. */
  private static Map<String, String> readYaml(Path path, List<String> problems) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      problems.add(ConfigKey.CONFIG_FILE_VARIABLE + ": " + path + " must hold a map of keys to values");
      return flat;
    }
    flatten("", root, flat, path, problems);
    return flat;
  }

  private static void flatten(
      String prefix, JsonNode node, Map<String, String> flat, Path path, List<String> problems) {
    node.properties()
        .forEach(
            field -> {
              String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
              JsonNode value = field.getValue();
              if (value.isObject()) {
                flatten(name, value, flat, path, problems);
              } else if (value.isValueNode() && !value.isNull()) {
                flat.put(name, value.asText());
              } else if (!value.isNull()) {
                problems.add(name + " (in " + path + "): must be a single value, not a list");
              }
            });
  }

  private static String knownFileNames() {
    return Arrays.stream(ConfigKey.values()).map(ConfigKey::fileName).collect(Collectors.joining(", "));
  }

  static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
