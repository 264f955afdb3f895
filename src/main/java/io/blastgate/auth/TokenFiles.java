package io.blastgate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reading and writing the tokens file. Problems name the entry by index and name, never its hash. */
final class TokenFiles {
  private static final Set<String> FIELDS = Set.of("name", "principal", "roles", "sha256");
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private TokenFiles() {}

  static List<TokenEntry> readIfExists(Path file) {
    return Files.exists(file) ? read(file) : List.of();
  }

  static List<TokenEntry> read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidConfiguration("the tokens file", 
          List.of("cannot read " + file + " as YAML (" + e.getClass().getSimpleName() + ")"));
    }
    List<String> problems = new ArrayList<>();
    List<TokenEntry> entries = new ArrayList<>();
    JsonNode tokens = root == null ? null : root.get("tokens");
    if (root == null || !root.isObject() || tokens == null || !tokens.isArray()) {
      throw new InvalidConfiguration("the tokens file", List.of(file + ": must hold `tokens:`, a list of tokens"));
    }
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("tokens")) {
                problems.add(file + ": unknown key '" + f + "'");
              }
            });
    for (int i = 0; i < tokens.size(); i++) {
      List<String> found = problemsOf(tokens.get(i), "tokens[" + i + "]");
      if (found.isEmpty()) {
        entries.add(toEntry(tokens.get(i)));
      }
      problems.addAll(found);
    }
    if (problems.isEmpty()) {
      problems.addAll(check(entries));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfiguration("the tokens file", problems.stream().map(p -> file + ": " + p).toList());
    }
    return entries;
  }

  /** The entry of a node that {@link #problemsOf} found well-formed. */
  private static TokenEntry toEntry(JsonNode node) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    node.get("roles").forEach(r -> roles.add(Role.fromWireName(r.asText()).orElseThrow()));
    return new TokenEntry(
        node.get("name").asText(), node.get("principal").asText(), roles, node.get("sha256").asText());
  }

  private static List<String> problemsOf(JsonNode node, String where) {
    List<String> problems = new ArrayList<>();
    if (node == null || !node.isObject()) {
      problems.add(where + ": must be a map with name, principal, roles and sha256");
      return problems;
    }
    String label = node.hasNonNull("name") ? where + " (" + node.get("name").asText() + ")" : where;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        problems.add(label + ": unknown field '" + field + "'");
      }
    }
    for (String field : List.of("name", "principal")) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        problems.add(label + ": '" + field + "' must be a non-empty string");
      }
    }
    JsonNode roles = node.get("roles");
    if (roles == null || !roles.isArray() || roles.isEmpty()) {
      problems.add(label + ": 'roles' must be a non-empty list of " + roleNames());
    } else {
      roles.forEach(
          r -> {
            if (!r.isTextual() || Role.fromWireName(r.asText()).isEmpty()) {
              problems.add(label + ": unknown role '" + r.asText() + "'; roles are " + roleNames());
            }
          });
    }
    JsonNode sha = node.get("sha256");
    if (sha == null || !sha.isTextual() || !sha.asText().matches("[0-9a-fA-F]{64}")) {
      problems.add(label + ": 'sha256' must be the 64 hexadecimal digits of the token's SHA-256");
    }
    return problems;
  }

  /** Names are unique (they identify a token for revocation); so are hashes. */
  static List<String> check(List<TokenEntry> entries) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (TokenEntry entry : entries) {
      if (!names.add(entry.name())) {
        problems.add("token name '" + entry.name() + "' is used twice");
      }
      if (!hashes.add(entry.sha256())) {
        problems.add("token '" + entry.name() + "' has the same hash as another token");
      }
    }
    return problems;
  }

  static void write(Path file, List<TokenEntry> entries) {
    ObjectNode root = YAML.createObjectNode();
    ArrayNode tokens = root.putArray("tokens");
    for (TokenEntry entry : entries) {
      ObjectNode node = tokens.addObject();
      node.put("name", entry.name());
      node.put("principal", entry.principal());
      ArrayNode roles = node.putArray("roles");
      entry.roles().stream().sorted().forEach(r -> roles.add(r.wireName()));
      node.put("sha256", entry.sha256());
    }
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temp = Files.createTempFile(absolute.getParent(), ".tokens-", ".tmp");
      try {
        restrictToOwner(temp);
        YAML.writeValue(temp.toFile(), root);
        try {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tokens file " + absolute, e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static String roleNames() {
    return String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::wireName).toList());
  }
}
