package io.blastgate.importer.input;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of the Kubernetes format ({@code importers/kubernetes/README.md}, "Options"): the cluster
 * that qualifies every id, and the label or annotation keys that name an object's owner and the
 * Backstage component a workload belongs to.
 */
record KubernetesOptions(String cluster, List<String> ownerKeys, List<String> componentKeys) {
  static final String CLUSTER = "cluster";
  static final String OWNER_KEYS = "owner-keys";
  static final String COMPONENT_KEYS = "component-keys";
  static final Set<String> NAMES = Set.of(CLUSTER, OWNER_KEYS, COMPONENT_KEYS);

  static final List<String> DEFAULT_OWNER_KEYS = List.of("blastgate.io/owner", "owner", "team");
  static final List<String> DEFAULT_COMPONENT_KEYS = List.of("backstage.io/kubernetes-id");

  /** A cluster name is one segment of an id: no '/', nothing a person would not type. */
  private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  KubernetesOptions {
    ownerKeys = List.copyOf(ownerKeys);
    componentKeys = List.copyOf(componentKeys);
  }

  /** The options given, the cluster defaulting to {@code inputName}. */
  static KubernetesOptions of(Map<String, String> given, String inputName) throws InputFormat.Refusal {
    String cluster = given.getOrDefault(CLUSTER, inputName);
    if (!CLUSTER_NAME.matcher(cluster).matches()) {
      throw new InputFormat.Refusal("'" + cluster + "' is not a valid cluster name: 1 to 100 letters, digits, '.', '_'"
          + " or '-', starting with a letter or digit" + (given.containsKey(CLUSTER) ? ""
              : " (the cluster is named after the input unless the option 'cluster' names it)"));
    }
    return new KubernetesOptions(cluster, keys(given, OWNER_KEYS, DEFAULT_OWNER_KEYS),
        keys(given, COMPONENT_KEYS, DEFAULT_COMPONENT_KEYS));
  }

  private static List<String> keys(Map<String, String> given, String option, List<String> defaults) {
    String value = given.get(option);
    if (value == null) {
      return defaults;
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
  }
}
