package io.blastgate.importer.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The manifests of one input, read whole on each pass (they are small beside what they describe):
 * every file's documents are gathered as Kubernetes objects (a List's items one by one), then mapped
 * by {@link KubernetesMapping} into entities gathered by id ({@link PlacedEntities}), which are handed
 * on. Objects of kinds that are not mapped are counted and reported as one warning.
 */
final class KubernetesManifests implements SourceInput {
  /** One object of the input: its kind, namespace and name, and its node. */
  record KubeObject(String apiVersion, String kind, String namespace, String name, YamlNode node) {
    /** The API group: {@code apps} of {@code apps/v1}, empty for the core group's {@code v1}. */
    String group() {
      int slash = apiVersion.indexOf('/');
      return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String key() {
      return kind + "/" + namespace + "/" + name;
    }
  }

  private final Path input;
  private final String inputName;
  private final KubernetesOptions options;
  private final String source;
  private PlacedEntities entities = new PlacedEntities(new Problems(0));

  KubernetesManifests(Path input, String inputName, KubernetesOptions options, String source) {
    this.input = input;
    this.inputName = inputName;
    this.options = options;
    this.source = source;
  }

  @Override
  public Locations locations() {
    return entities;
  }

  @Override
  public boolean read(Visitor visitor, Problems problems) throws IOException {
    entities = new PlacedEntities(problems);
    Map<String, KubeObject> objects = new LinkedHashMap<>();
    Map<String, Integer> notMapped = new TreeMap<>();
    boolean complete = true;
    for (Path file : YamlFiles.of(input)) {
      String shown = YamlFiles.shown(input, file, inputName);
      try {
        YamlDocuments.read(file, document -> collect(YamlNode.root(shown, document, problems), objects, notMapped));
      } catch (YamlDocuments.Malformed e) {
        problems.error(Problems.TOP, YamlNode.at(shown, e.line()) + ", document " + e.document(),
            e.getMessage() + "; the rest of this file was not read");
        complete = false;
      }
    }
    if (complete && objects.isEmpty() && notMapped.isEmpty()) {
      // An empty input would import as a source that asserts nothing, and retract all it asserted before.
      problems.error(Problems.TOP, YamlFiles.wholeInput(inputName), "no Kubernetes object in the input: nothing to"
          + " import (an empty source would remove everything this source asserted before)");
    }
    new KubernetesMapping(options, entities, problems, notMapped).map(objects.values());
    if (!notMapped.isEmpty()) {
      problems.warning(Problems.TOP, YamlFiles.wholeInput(inputName), "not mapped: " + notMapped.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
          + " (objects of kinds blastgate does not read; importers/kubernetes/README.md says which it reads)");
    }
    entities.emit(visitor);
    return complete;
  }

  /** Gathers the object a document holds, or a List's items; a later object of the same key replaces one. */
  private void collect(YamlNode node, Map<String, KubeObject> objects, Map<String, Integer> notMapped) {
    if (node.value() == null) {
      return;
    }
    if (!node.isObject()) {
      node.error("a document must be a Kubernetes object (a mapping with apiVersion and kind), not " + what(node));
      return;
    }
    String kind = node.text("kind");
    String apiVersion = node.text("apiVersion");
    if (kind != null && kind.endsWith("List") && node.has("items")) {
      for (YamlNode item : node.objects("items")) {
        collect(item, objects, notMapped);
      }
      return;
    }
    if (kind == null || apiVersion == null) {
      if (isKustomization(node.file())) {
        notMapped.merge("Kustomization", 1, Integer::sum);
      } else {
        node.error("not a Kubernetes object: " + (kind == null && apiVersion == null ? "'apiVersion' and 'kind' are"
            : kind == null ? "'kind' is" : "'apiVersion' is") + " missing");
      }
      return;
    }
    YamlNode metadata = node.object("metadata");
    String name = metadata.text("name");
    if (name == null) {
      name = metadata.text("generateName");
    }
    String namespace = metadata.text("namespace");
    KubeObject object = new KubeObject(apiVersion, kind, namespace == null ? "default" : namespace, name, node);
    if (!KubernetesMapping.maps(object)) {
      notMapped.merge(shownKind(object), 1, Integer::sum);
      return;
    }
    if (name == null) {
      metadata.child("name").error("a " + kind + " needs 'metadata.name'");
      return;
    }
    KubeObject before = objects.put(object.key(), object);
    if (before != null) {
      node.warning(kind + " '" + namespace(object) + "/" + name + "' is defined again here (first at "
          + before.node().place() + "); the later one is read, as applying the files in order would leave it");
    }
  }

  private static String namespace(KubeObject object) {
    return object.namespace();
  }

  /** A kind as the not-mapped warning counts it: {@code Service}, or with its group when that says more. */
  private static String shownKind(KubeObject object) {
    String group = object.group();
    boolean known = group.isEmpty() || group.endsWith(".k8s.io") && !group.startsWith("kustomize.")
        || List.of("apps", "batch", "autoscaling", "policy", "extensions").contains(group);
    return known ? object.kind() : object.kind() + " (" + group + ")";
  }

  private static boolean isKustomization(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("kustomization");
  }

  private static String what(YamlNode node) {
    return node.value().isArray() ? "a list" : "a single value";
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

  static List<String> listOf(String commaSeparated) {
    List<String> out = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
