package io.blastgate.importer.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes manifests ({@code importers/kubernetes/README.md}): a YAML or JSON file (multi-document,
 * or a {@code kubectl get -o yaml} List), or a folder of them, read by {@link KubernetesManifests}.
 * Recognised by the first document's {@code apiVersion} and {@code kind}, any apiVersion but the
 * Backstage catalog's.
 */
final class KubernetesFormat implements InputFormat {
  static final String NAME = "kubernetes";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> optionNames() {
    return KubernetesOptions.NAMES;
  }

  @Override
  public boolean recognises(Path path, Form form) throws IOException {
    return YamlFiles.anyApiVersion(path, v -> !YamlFiles.isCatalogApiVersion(v));
  }

  @Override
  public SourceInput open(Path path, Opening opening) throws Refusal {
    // An upload has no name of its own: its cluster and source are then the source it was sent as.
    String named = opening.inputName().isEmpty() ? opening.requestedSource().orElse("") : stem(opening.inputName());
    KubernetesOptions options = KubernetesOptions.of(opening.options(), named);
    String source = opening.requestedSource().orElse(named);
    return new KubernetesManifests(path, opening.inputName(), options, source);
  }

  /** An input's name without its extension: {@code prod.yaml} names the cluster and source {@code prod}. */
  static String stem(String name) {
    return name.replaceFirst("\\.(?i)(yaml|yml|json|zip)$", "");
  }

  @Override
  public List<String> archiveHolds() {
    return List.of("Kubernetes manifests (*.yaml, *.yml, *.json)");
  }
}
