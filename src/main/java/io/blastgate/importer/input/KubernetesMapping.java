package io.blastgate.importer.input;

import io.blastgate.importer.input.KubernetesManifests.KubeObject;
import io.blastgate.model.Label;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes objects to canonical entities, as {@code importers/kubernetes/README.md} writes down field
 * by field: ServiceAccounts first (their pull secrets reach the pods that run as them), then Secrets,
 * then workloads, then the dependencies that annotations name through Services.
 */
final class KubernetesMapping {
  /** Workload kinds, with their model kind (a bare Pod's depends on its restart policy). */
  private static final Map<String, String> WORKLOADS = Map.of("Deployment", "service", "StatefulSet", "service",
      "DaemonSet", "service", "ReplicaSet", "service", "ReplicationController", "service", "Job", "job",
      "CronJob", "job", "Pod", "service");
  /** The API groups of the kinds above (a CRD of the same kind in another group is not one of them). */
  private static final Set<String> GROUPS = Set.of("", "apps", "batch", "extensions");

  static final String DEPENDS_ON_KEY = "blastgate.io/depends-on";
  static final List<String> CRITICALITY_KEYS = List.of("blastgate.io/criticality", "criticality");
  static final List<String> ENVIRONMENT_KEYS = List.of("blastgate.io/environment", "environment", "env");
  private static final Set<String> CRITICALITIES = Set.of("critical", "high", "medium", "low");

  private final KubernetesOptions options;
  private final PlacedEntities entities;
  private final Problems problems;
  private final Map<String, Integer> notMapped;
  private final CloudIdentities cloud;
  /** Each ServiceAccount's pull secrets, by account id. */
  private final Map<String, List<PodSpecs.SecretRef>> pullSecrets = new HashMap<>();
  private final List<String> unmountedTokens = new ArrayList<>();

  KubernetesMapping(KubernetesOptions options, PlacedEntities entities, Problems problems,
      Map<String, Integer> notMapped) {
    this.options = options;
    this.entities = entities;
    this.problems = problems;
    this.notMapped = notMapped;
    this.cloud = new CloudIdentities(entities);
  }

  /** Whether an object is read: a mapped kind, or a Service (whose selector a dependency names). */
  static boolean maps(KubeObject object) {
    return switch (object.kind()) {
      case "ServiceAccount", "Secret", "Service" -> object.group().isEmpty();
      default -> WORKLOADS.containsKey(object.kind()) && GROUPS.contains(object.group());
    };
  }

  void map(Collection<KubeObject> objects) {
    List<KubeObject> workloads = new ArrayList<>();
    List<KubeObject> services = new ArrayList<>();
    for (KubeObject object : objects) {
      switch (object.kind()) {
        case "ServiceAccount" -> serviceAccount(object);
        case "Secret" -> {}
        case "Service" -> services.add(object);
        default -> workloads.add(object);
      }
    }
    objects.stream().filter(o -> o.kind().equals("Secret")).forEach(this::secret);
    List<KubeObject> read = new ArrayList<>();
    for (KubeObject workload : workloads) {
      if (ownedByController(workload)) {
        notMapped.merge(workload.kind() + " (run by a controller read through it)", 1, Integer::sum);
      } else {
        workload(workload);
        read.add(workload);
      }
    }
    new ServiceDependencies(options, entities).map(read, services);
    if (!services.isEmpty()) {
      notMapped.merge("Service", services.size(), Integer::sum);
    }
    if (!unmountedTokens.isEmpty()) {
      problems.warning(Problems.TOP, "automountServiceAccountToken", unmountedTokens.size() + " workload(s) do not"
          + " mount their service account's token (" + String.join(", ", unmountedTokens.subList(0,
              Math.min(10, unmountedTokens.size()))) + (unmountedTokens.size() > 10 ? ", …" : "") + "); they still"
          + " run as it (RUNS_AS), since its pull secrets and cloud identity still apply to them");
    }
  }

  private String id(String namespace, String kind, String name) {
    return id(options.cluster(), namespace, kind, name);
  }

  /** {@code k8s:<cluster>/<namespace>/<kind in lower case>/<name>}. */
  static String id(String cluster, String namespace, String kind, String name) {
    return "k8s:" + cluster + "/" + namespace + "/" + kind.toLowerCase(Locale.ROOT) + "/" + name;
  }

  private void serviceAccount(KubeObject object) {
    String id = id(object.namespace(), "ServiceAccount", object.name());
    String place = object.node().place();
    entities.assertEntity(Label.IDENTITY, id, "service_account", place, true);
    entities.set(id, "name", object.name(), place);
    if (Boolean.FALSE.equals(object.node().bool("automountServiceAccountToken"))) {
      entities.add(id, "tags", "k8s:automount-token=false", object.node().child("automountServiceAccountToken").place());
    }
    YamlNode metadata = object.node().object("metadata");
    cloud.assumed(id, metadata.object("annotations"));
    List<PodSpecs.SecretRef> pulls = PodSpecs.pullSecrets(object.node());
    pullSecrets.put(id, pulls);
    owners(id, metadata, null);
  }

  private void secret(KubeObject object) {
    String id = id(object.namespace(), "Secret", object.name());
    YamlNode node = object.node();
    String place = node.place();
    String type = node.text("type");
    entities.assertEntity(Label.CREDENTIAL, id, credentialKind(type), place, true);
    entities.set(id, "name", object.name(), place);
    YamlNode metadata = node.object("metadata");
    String created = metadata.text("creationTimestamp");
    entities.set(id, "created_at", created, metadata.child("creationTimestamp").place());
    String account = metadata.object("annotations").text("kubernetes.io/service-account.name");
    if ("kubernetes.io/service-account-token".equals(type) && account != null) {
      String accountId = id(object.namespace(), "ServiceAccount", account);
      String at = metadata.object("annotations").child("kubernetes.io/service-account.name").place();
      account(accountId, account, at);
      entities.set(id, "authenticates_as", accountId, at);
    }
    owners(id, metadata, null);
  }

  /** A Secret's type as the model's credential kind; the value is never read. */
  static String credentialKind(String type) {
    if (type == null) {
      return "secret";
    }
    return switch (type) {
      case "kubernetes.io/tls" -> "certificate";
      case "kubernetes.io/basic-auth" -> "password";
      case "kubernetes.io/ssh-auth" -> "ssh_key";
      case "kubernetes.io/service-account-token", "bootstrap.kubernetes.io/token" -> "api_token";
      default -> "secret";
    };
  }

  private void workload(KubeObject object) {
    String kind = object.kind();
    YamlNode node = object.node();
    YamlNode spec = PodSpecs.podSpec(kind, node);
    String id = id(object.namespace(), kind, object.name());
    String place = node.place();
    entities.assertEntity(Label.WORKLOAD, id, workloadKind(kind, spec), place, true);
    entities.set(id, "name", object.name(), place);
    YamlNode metadata = node.object("metadata");
    YamlNode podMetadata = PodSpecs.podMetadata(kind, node);
    label(id, "criticality", CRITICALITY_KEYS, metadata, podMetadata);
    label(id, "environment", ENVIRONMENT_KEYS, metadata, podMetadata);
    CodeLocations.record(entities, id, podMetadata == null ? List.of(metadata.object("annotations"))
        : List.of(metadata.object("annotations"), podMetadata.object("annotations")), CodeLocations.KUBERNETES_KEYS);

    PodSpecs.Account account = PodSpecs.account(spec);
    String accountId = id(object.namespace(), "ServiceAccount", account.name());
    account(accountId, account.name(), account.place());
    entities.add(id, "runs_as", accountId, account.place());
    if (Boolean.FALSE.equals(spec.bool("automountServiceAccountToken"))) {
      unmountedTokens.add(object.namespace() + "/" + kind.toLowerCase(Locale.ROOT) + "/" + object.name());
    }
    List<PodSpecs.SecretRef> secrets = new ArrayList<>(PodSpecs.secrets(spec));
    secrets.addAll(pullSecrets.getOrDefault(accountId, List.of()));
    for (PodSpecs.SecretRef ref : secrets) {
      String secretId = id(object.namespace(), "Secret", ref.name());
      if (entities.assertEntity(Label.CREDENTIAL, secretId, "secret", ref.place(), false)) {
        entities.set(secretId, "name", ref.name(), ref.place());
        entities.add(id, "uses", secretId, ref.place());
      }
    }
    owners(id, metadata, podMetadata);
    components(id, metadata, podMetadata);
  }

  /** A Job, a CronJob, and a Pod that is not restarted, run to an end; everything else serves. */
  private static String workloadKind(String kind, YamlNode spec) {
    if (kind.equals("Pod")) {
      String restart = spec.text("restartPolicy");
      return restart == null || restart.equals("Always") ? "service" : "job";
    }
    return WORKLOADS.get(kind);
  }

  /** A service account a pod runs as, asserted when the input does not define it (its own kind: it is ours). */
  private void account(String id, String name, String place) {
    if (entities.assertEntity(Label.IDENTITY, id, "service_account", place, false)) {
      entities.set(id, "name", name, place);
    }
  }

  /** A workload's criticality or environment from the first of {@code keys} its labels or annotations hold. */
  private void label(String id, String field, List<String> keys, YamlNode metadata, YamlNode podMetadata) {
    Found found = first(keys, metadata, podMetadata);
    if (found == null) {
      return;
    }
    if (field.equals("criticality") && !CRITICALITIES.contains(found.value())) {
      problems.warning(Problems.TOP, found.place(), "'" + found.value() + "' is not a criticality (critical, high,"
          + " medium, low); the workload's criticality is left unknown");
      return;
    }
    entities.set(id, field, found.value(), found.place());
  }

  /** Owners named by the owner keys: a team {@code team:<value>}, or {@code user:<name>} a person. */
  private void owners(String id, YamlNode metadata, YamlNode podMetadata) {
    Found found = first(options.ownerKeys(), metadata, podMetadata);
    if (found == null) {
      return;
    }
    EntityRefs.Ref ref = EntityRefs.parse(found.value(), "group", EntityRefs.DEFAULT_NAMESPACE);
    String ownerId = ref == null ? null : EntityRefs.ownerId(ref.kind().equals("team")
        ? new EntityRefs.Ref("group", ref.namespace(), ref.name()) : ref);
    if (ownerId == null) {
      problems.warning(Problems.TOP, found.place(), "'" + found.value() + "' names no team or person (a team is"
          + " 'payments' or 'group:payments', a person 'user:jdoe'); no owner is recorded");
      return;
    }
    if (entities.assertEntity(Label.OWNER, ownerId, EntityRefs.ownerKind(ref), found.place(), false)) {
      entities.add(ownerId, "owns", id, found.place());
    }
  }

  /**
   * The Backstage component a workload belongs to: the catalog's workload {@code component:<id>},
   * asserted here with a dependency on this one (when it breaks, the component does), so that the
   * component's owners, which the catalog's import asserts, are one hop up from it.
   */
  private void components(String id, YamlNode metadata, YamlNode podMetadata) {
    Found found = first(options.componentKeys(), metadata, podMetadata);
    if (found == null) {
      return;
    }
    String component = EntityRefs.id("component", EntityRefs.DEFAULT_NAMESPACE, found.value());
    if (entities.assertEntity(Label.WORKLOAD, component, "service", found.place(), false)) {
      entities.add(component, "depends_on", id, found.place());
    }
  }

  private record Found(String value, String place) {}

  /** The first key found in labels then annotations, of the object then of its pod template. */
  private static Found first(List<String> keys, YamlNode metadata, YamlNode podMetadata) {
    for (String key : keys) {
      for (YamlNode meta : podMetadata == null ? List.of(metadata) : List.of(metadata, podMetadata)) {
        for (String map : List.of("labels", "annotations")) {
          YamlNode holder = meta.object(map);
          String value = holder.text(key);
          if (value != null && !value.isBlank()) {
            return new Found(value.strip(), holder.child(key).place());
          }
        }
      }
    }
    return null;
  }

  private static boolean ownedByController(KubeObject object) {
    for (YamlNode owner : object.node().object("metadata").objects("ownerReferences")) {
      if (Boolean.TRUE.equals(owner.bool("controller")) && WORKLOADS.containsKey(owner.text("kind"))) {
        return true;
      }
    }
    return false;
  }
}
