package io.blastgate.importer.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One Backstage catalog input, read whole on each pass: the file given (or every YAML file of the
 * folder given), then every file a Location entity names, relative to the file that holds it, as
 * long as it stays inside the input's folder. Its entities are gathered by kind, namespace and name,
 * then mapped by {@link CatalogMapping}. A Location target that is missing, remote or outside the
 * folder is a warning, not an error: the catalog is read as far as it can be.
 */
final class BackstageCatalog implements SourceInput {
  /** One catalog entity: its kind (as written), namespace and name, and its node. */
  record CatalogEntity(String kind, String namespace, String name, YamlNode node) {
    /** Its reference in full, in lower case: Backstage compares references without case. */
    String key() {
      return (kind + ":" + namespace + "/" + name).toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Path input;
  private final String inputName;
  /** False for an uploaded file, whose folder is the server's, not the catalog's. */
  private final boolean followLocations;
  private final Path root;
  private final String source;
  private PlacedEntities entities = new PlacedEntities(new Problems(0));

  BackstageCatalog(Path input, String inputName, String source, boolean followLocations) {
    this.followLocations = followLocations;
    this.input = input;
    this.inputName = inputName;
    this.root = (Files.isDirectory(input) ? input : input.toAbsolutePath().getParent()).toAbsolutePath().normalize();
    this.source = source;
  }

  @Override
  public Locations locations() {
    return entities;
  }

  @Override
  public boolean read(Visitor visitor, Problems problems) throws IOException {
    entities = new PlacedEntities(problems);
    Map<String, CatalogEntity> catalog = new LinkedHashMap<>();
    Map<String, Integer> notMapped = new TreeMap<>();
    Deque<Path> queue = new ArrayDeque<>();
    for (Path file : YamlFiles.of(input)) {
      queue.add(file.toAbsolutePath().normalize());
    }
    Set<Path> seen = new HashSet<>();
    boolean complete = true;
    while (!queue.isEmpty()) {
      Path file = queue.poll();
      if (!seen.add(file)) {
        continue;
      }
      // The file given as it is goes by the input's name (none for an upload); others by their path.
      String shown = !Files.isDirectory(input) && file.equals(input.toAbsolutePath().normalize()) ? inputName
          : root.relativize(file).toString().replace('\\', '/');
      try {
        YamlDocuments.read(file, document -> {
          YamlNode node = YamlNode.root(shown, document, problems);
          collect(node, file, catalog, queue);
        });
      } catch (YamlDocuments.Malformed e) {
        problems.error(Problems.TOP, YamlNode.at(shown, e.line()) + ", document " + e.document(),
            e.getMessage() + "; the rest of this file was not read");
        complete = false;
      }
    }
    if (complete && catalog.isEmpty()) {
      // An empty input would import as a source that asserts nothing, and retract all it asserted before.
      problems.error(Problems.TOP, YamlFiles.wholeInput(inputName), "no catalog entity in the input: nothing to"
          + " import (an empty source would remove everything this source asserted before)");
    }
    new CatalogMapping(entities, problems, notMapped).map(catalog.values());
    if (!notMapped.isEmpty()) {
      problems.warning(Problems.TOP, YamlFiles.wholeInput(inputName), "not mapped: " + notMapped.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
          + " (catalog kinds blastgate does not import; importers/backstage/README.md says why)");
    }
    entities.emit(visitor);
    return complete;
  }

  private void collect(YamlNode node, Path file, Map<String, CatalogEntity> catalog, Deque<Path> queue) {
    if (node.value() == null) {
      return;
    }
    if (!node.isObject()) {
      node.error("a document must be a catalog entity (a mapping with apiVersion, kind and metadata)");
      return;
    }
    String apiVersion = node.text("apiVersion");
    String kind = node.text("kind");
    YamlNode metadata = node.object("metadata");
    String name = metadata.text("name");
    if (apiVersion == null || kind == null || name == null) {
      node.error("not a catalog entity: " + (apiVersion == null ? "'apiVersion'" : kind == null ? "'kind'"
          : "'metadata.name'") + " is missing");
      return;
    }
    if (!YamlFiles.isCatalogApiVersion(apiVersion)) {
      node.child("apiVersion").error("'" + apiVersion + "' is not a Backstage catalog apiVersion (backstage.io/…)");
      return;
    }
    String namespace = metadata.text("namespace");
    CatalogEntity entity = new CatalogEntity(kind, namespace == null ? EntityRefs.DEFAULT_NAMESPACE : namespace,
        name, node);
    if ("Location".equalsIgnoreCase(kind)) {
      follow(node, file, queue);
    }
    CatalogEntity before = catalog.put(entity.key(), entity);
    if (before != null) {
      node.warning(entity.key() + " is defined again here (first at " + before.node().place() + "); the later"
          + " one is read");
    }
  }

  /** Queues the files a Location names, when they are local and inside the input's folder. */
  private void follow(YamlNode location, Path file, Deque<Path> queue) {
    YamlNode spec = location.object("spec");
    if (!followLocations) {
      location.warning("a Location in an uploaded file is not followed (the upload has no folder of its own):"
          + " send a .zip of the catalog's folder instead");
      return;
    }
    String type = spec.text("type");
    List<YamlNode> targets = new ArrayList<>();
    if (spec.has("target")) {
      targets.add(spec.child("target"));
    }
    targets.addAll(spec.strings("targets"));
    for (YamlNode target : targets) {
      String written = target.asText();
      if (written == null) {
        target.wrongType("a string");
        continue;
      }
      if (type != null && !type.equals("file") || written.contains("://")) {
        target.warning("'" + written + "' is not a local file (type " + (type == null ? "url" : type) + "); it is not"
            + " followed: import it on its own");
        continue;
      }
      Path resolved = file.getParent().resolve(written).normalize();
      if (!resolved.startsWith(root)) {
        target.warning("'" + written + "' lies outside the input's folder; it is not followed");
        continue;
      }
      try {
        for (Path each : expand(resolved)) {
          if (!each.toRealPath().startsWith(root.toRealPath())) {
            target.warning("'" + written + "' leads outside the input's folder through a link; it is not followed");
          } else {
            queue.add(each);
          }
        }
      } catch (IOException e) {
        target.warning("'" + written + "' cannot be read (" + (Files.exists(resolved) ? "unreadable" : "no such file")
            + "); the entities it would hold are missing from this import");
      }
    }
  }

  /** A target, or the files a '*' in its last segment matches. */
  private static List<Path> expand(Path target) throws IOException {
    String last = target.getFileName().toString();
    if (!last.contains("*")) {
      if (!Files.isRegularFile(target)) {
        throw new IOException("no such file");
      }
      return List.of(target);
    }
    List<Path> matched = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(), last)) {
      files.forEach(f -> {
        if (Files.isRegularFile(f)) {
          matched.add(f.toAbsolutePath().normalize());
        }
      });
    }
    matched.sort(null);
    return matched;
  }

  @Override
  public String source(Problems problems) {
    if (!SourceInput.validSourceName(source)) {
      problems.error(Problems.TOP, "source", "'" + source + "' is not a valid source name: "
          + SourceInput.sourceNameRule());
      return null;
    }
    return source;
  }

  @Override
  public String sourceForReport() {
    return source;
  }
}
