package io.blastgate.importer.input;

import io.blastgate.importer.input.KubernetesManifests.KubeObject;
import java.util.List;
import java.util.Map;

/**
 * Dependencies between workloads, only where an annotation says so: {@code blastgate.io/depends-on:
 * cart,redis} on a workload (or its pod template) names Services of its namespace, and the workloads
 * whose pod labels those Services select are what it depends on. Nothing is guessed from traffic,
 * environment variables or DNS names; a Service that is not in the input, or selects nothing, is a
 * warning.
 */
final class ServiceDependencies {
  private final KubernetesOptions options;
  private final PlacedEntities entities;

  ServiceDependencies(KubernetesOptions options, PlacedEntities entities) {
    this.options = options;
    this.entities = entities;
  }

  void map(List<KubeObject> workloads, List<KubeObject> services) {
    Map<KubeObject, Map<String, String>> labels = new java.util.IdentityHashMap<>();
    for (KubeObject workload : workloads) {
      YamlNode annotation = annotation(workload);
      if (annotation == null) {
        continue;
      }
      String from = id(workload);
      for (String name : KubernetesManifests.listOf(annotation.asText())) {
        KubeObject service = services.stream()
            .filter(s -> s.namespace().equals(workload.namespace()) && name.equals(s.name())).findFirst().orElse(null);
        if (service == null) {
          annotation.warning("no Service '" + name + "' in namespace '" + workload.namespace() + "' in the input;"
              + " no dependency is recorded for it");
          continue;
        }
        Map<String, String> selector = service.node().object("spec").stringMap("selector");
        List<KubeObject> selected = selector.isEmpty() ? List.of() : workloads.stream()
            .filter(w -> w.namespace().equals(workload.namespace()) && w != workload)
            .filter(w -> labels.computeIfAbsent(w, ServiceDependencies::podLabels).entrySet()
                .containsAll(selector.entrySet())).toList();
        if (selected.isEmpty()) {
          annotation.warning("Service '" + name + "' selects no workload of the input; no dependency is recorded");
        }
        for (KubeObject target : selected) {
          entities.add(from, "depends_on", id(target), annotation.place());
        }
      }
    }
  }

  private String id(KubeObject o) {
    return KubernetesMapping.id(options.cluster(), o.namespace(), o.kind(), o.name());
  }

  private static YamlNode annotation(KubeObject workload) {
    for (YamlNode metadata : List.of(workload.node().object("metadata"),
        PodSpecs.podMetadata(workload.kind(), workload.node()))) {
      YamlNode annotations = metadata.object("annotations");
      if (annotations.text(KubernetesMapping.DEPENDS_ON_KEY) != null) {
        return annotations.child(KubernetesMapping.DEPENDS_ON_KEY);
      }
    }
    return null;
  }

  private static Map<String, String> podLabels(KubeObject workload) {
    return PodSpecs.podMetadata(workload.kind(), workload.node()).stringMap("labels");
  }
}
