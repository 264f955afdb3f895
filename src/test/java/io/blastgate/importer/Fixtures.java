package io.blastgate.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The shared fixture files (fixtures/ of the module), and figures computed from them independently. */
final class Fixtures {
  static final Path ROOT = Path.of("fixtures");
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> scenarioBundles() {
    try (Stream<Path> dirs = Files.list(path("scenarios"))) {
      return dirs.map(d -> d.resolve("bundle.json")).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts as a reader of the file sees them: entities per label, distinct references per entity. */
  record Figures(long identities, long credentials, long workloads, long owners, long relationships) {
    long entities() {
      return identities + credentials + workloads + owners;
    }
  }

  static Figures figures(Path bundle) {
    JsonNode root = json(bundle);
    long[] perLabel = new long[Label.values().length];
    long relationships = 0;
    Set<String> refFields = Set.of("authenticates_as", "uses", "runs_as", "can_assume", "depends_on", "owns", "member_of");
    for (Label label : Label.values()) {
      for (JsonNode entity : root.path(label.section())) {
        perLabel[label.ordinal()]++;
        for (String field : refFields) {
          JsonNode value = entity.get(field);
          if (value == null || value.isNull()) {
            continue;
          }
          if (value.isTextual()) {
            relationships++;
          } else {
            Set<String> distinct = new HashSet<>();
            value.forEach(v -> distinct.add(v.asText()));
            relationships += distinct.size();
          }
        }
      }
    }
    return new Figures(perLabel[0], perLabel[1], perLabel[2], perLabel[3], relationships);
  }
}
