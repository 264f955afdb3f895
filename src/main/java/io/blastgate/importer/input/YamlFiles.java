package io.blastgate.importer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a YAML input (a file, or a folder searched recursively for {@code *.yaml}, {@code
 * *.yml} and {@code *.json}, hidden files and folders left out, links not followed), and a look at the
 * first bytes of one for its {@code apiVersion}, which is how the YAML formats recognise their input.
 */
final class YamlFiles {
  /** The most files one input folder may hold. */
  static final int MAX_FILES = 100_000;
  /** How much of a file recognising it reads (as much as the AWS format's look: a licence header fits). */
  private static final int PEEK_BYTES = 64 * 1024;
  /** How many files of a folder recognising it looks at. */
  private static final int PEEK_FILES = 50;

  private static final Pattern YAML_API_VERSION =
      Pattern.compile("(?m)^[\"']?apiVersion[\"']?\\s*:\\s*[\"']?([^\"'\\s#,}]+)");
  private static final Pattern JSON_API_VERSION = Pattern.compile("\"apiVersion\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern KIND = Pattern.compile("(?m)^[\"']?kind[\"']?\\s*:|\"kind\"\\s*:");

  private YamlFiles() {}

  /** How problems about the whole input name it: its name, or "input" for an upload, which has none. */
  static String wholeInput(String inputName) {
    return inputName.isEmpty() ? "input" : inputName;
  }

  /** The Backstage catalog's apiVersions ({@code backstage.io/v1alpha1}, …); any other is Kubernetes'. */
  static boolean isCatalogApiVersion(String apiVersion) {
    return apiVersion.startsWith("backstage.io/");
  }

  static boolean isYamlOrJson(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** The YAML and JSON files under {@code folder}, sorted by their path, or {@code input} itself. */
  static List<Path> of(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(input, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(input) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile() && !hidden(file) && isYamlOrJson(file)) {
          if (files.size() >= MAX_FILES) {
            throw new IOException("more than " + MAX_FILES + " files in the input folder");
          }
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort((a, b) -> input.relativize(a).toString().compareTo(input.relativize(b).toString()));
    return files;
  }

  private static boolean hidden(Path path) {
    return path.getFileName() != null && path.getFileName().toString().startsWith(".");
  }

  /**
   * How a file is named in problems: its path inside the input folder, or, for a file given as it is,
   * the input's name ({@code inputName}: empty for an upload, whose file is the server's business).
   */
  static String shown(Path input, Path file, String inputName) {
    if (!Files.isDirectory(input)) {
      return inputName;
    }
    return input.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The {@code apiVersion} of the first document of {@code file}, if its first bytes show one beside
   * a {@code kind}: a look, not a parse.
   */
  static Optional<String> apiVersion(Path file) throws IOException {
    // A file given as it is may have any name (an upload's has none of its own); a folder's are filtered.
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(PEEK_BYTES);
    }
    String text = new String(head, StandardCharsets.UTF_8);
    // A byte order mark may start a YAML stream; it is no part of the first line.
    text = firstDocument(text.startsWith("\uFEFF") ? text.substring(1) : text);
    if (!KIND.matcher(text).find()) {
      return Optional.empty();
    }
    Matcher yaml = YAML_API_VERSION.matcher(text);
    if (yaml.find()) {
      return Optional.of(yaml.group(1));
    }
    Matcher json = JSON_API_VERSION.matcher(text);
    return json.find() ? Optional.of(json.group(1)) : Optional.empty();
  }

  /** The text up to the second document's separator, if any (comments and a leading '---' kept). */
  private static String firstDocument(String text) {
    Matcher separator = Pattern.compile("(?m)^---").matcher(text);
    int start = -1;
    while (separator.find()) {
      String before = text.substring(0, separator.start());
      // Comments, directives (%YAML, %TAG) and markers come before a document; anything else is one.
      if (before.lines().anyMatch(l -> !l.isBlank() && !l.stripLeading().startsWith("#") && !l.startsWith("---")
          && !l.startsWith("%"))) {
        start = separator.start();
        break;
      }
    }
    return start < 0 ? text : text.substring(0, start);
  }

  /**
   * Whether {@code input} (a file, or a folder's first YAML files) holds a document whose apiVersion
   * {@code accepts}.
   */
  static boolean anyApiVersion(Path input, java.util.function.Predicate<String> accepts) throws IOException {
    if (!Files.isDirectory(input)) {
      return apiVersion(input).filter(accepts).isPresent();
    }
    int looked = 0;
    for (Path file : of(input)) {
      Optional<String> version = apiVersion(file);
      if (version.isPresent()) {
        return accepts.test(version.get());
      }
      if (++looked >= PEEK_FILES) {
        break;
      }
    }
    return false;
  }
}
