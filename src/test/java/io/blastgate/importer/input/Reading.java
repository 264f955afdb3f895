package io.blastgate.importer.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An input read by the registered formats as the importer reads it (open, one pass, the source), with
 * no graph: what the readers hand on and every problem they report. For the readers' own tests.
 */
record Reading(List<String> handedOn, List<Problems.Message> errors) {
  /** A canonical shape that takes any field and holds lists in the bundle's list fields. */
  static final CanonicalShape SHAPE = new CanonicalShape() {
    private static final Set<String> LISTS =
        Set.of("tags", "can_assume", "uses", "runs_as", "depends_on", "owns", "member_of");

    @Override
    public Set<String> fieldNames(Label label) {
      return Set.of("id", "name", "kind", "status", "tags", "uses", "owns", "environment");
    }

    @Override
    public boolean holdsList(Label label, String field) {
      return LISTS.contains(field);
    }
  };

  /** Reads {@code path} (a file, a folder or a zip) as the import would, named {@code shown}. */
  static Reading of(Path path, String shown) {
    Problems problems = new Problems(100);
    List<String> handedOn = new ArrayList<>();
    try (OpenedInput opened =
        new InputFormats(InputFormats.REGISTERED).open(path, shown, Optional.of("s"), SHAPE, 1 << 20, () -> {})) {
      switch (opened) {
        case OpenedInput.Refused r -> problems.error(Problems.TOP, r.location(), r.message());
        case OpenedInput.Ready ready -> {
          SourceInput input = ready.input();
          boolean complete = input.read((label, position, fields) -> handedOn.add(id(fields)), problems);
          if (complete) {
            input.source(problems);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Reading(handedOn, problems.errors());
  }

  static Reading json(Path dir, byte[] bytes) {
    return of(write(dir.resolve("bundle.json"), bytes), "bundle.json");
  }

  /** A folder of CSV files, each given as bytes. */
  static Reading csv(Path dir, Map<String, byte[]> files) {
    Path folder = dir.resolve("inventory");
    files.forEach((name, bytes) -> write(folder.resolve(name), bytes));
    return of(folder, "inventory");
  }

  static Path zip(Path file, Map<String, byte[]> entries) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
        for (var e : new TreeMap<>(entries).entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id(JsonNode fields) {
    JsonNode id = fields.get("id");
    return id == null ? "" : id.asText();
  }
}
