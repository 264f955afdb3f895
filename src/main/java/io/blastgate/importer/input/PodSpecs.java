package io.blastgate.importer.input;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pod spec says about identity and secrets: the service account it runs as, and every Secret
 * it reaches by name (never a value): through its containers' {@code env[].valueFrom.secretKeyRef}
 * and {@code envFrom[].secretRef} (init and ephemeral containers too), its {@code secret} and {@code
 * projected} volumes, and its {@code imagePullSecrets}.
 */
final class PodSpecs {
  private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

  /** A Secret's name as the spec gives it, and where. */
  record SecretRef(String name, String place) {}

  /** The service account a pod runs as, where that is said (the spec itself when it is the default). */
  record Account(String name, String place, boolean explicit) {}

  private PodSpecs() {}

  /** The pod template's spec of a workload of {@code kind}, or null for a kind without one. */
  static YamlNode podSpec(String kind, YamlNode object) {
    YamlNode spec = object.object("spec");
    return switch (kind) {
      case "Pod" -> spec;
      case "CronJob" -> spec.object("jobTemplate").object("spec").object("template").object("spec");
      default -> spec.object("template").object("spec");
    };
  }

  /** The pod template's metadata of a workload (the object's own for a Pod). */
  static YamlNode podMetadata(String kind, YamlNode object) {
    YamlNode spec = object.object("spec");
    return switch (kind) {
      case "Pod" -> object.object("metadata");
      case "CronJob" -> spec.object("jobTemplate").object("spec").object("template").object("metadata");
      default -> spec.object("template").object("metadata");
    };
  }

  /**
   * {@code serviceAccountName}, else the deprecated {@code serviceAccount}, else the namespace's
   * {@code default} account, as Kubernetes itself decides.
   */
  static Account account(YamlNode spec) {
    for (String field : List.of("serviceAccountName", "serviceAccount")) {
      String name = spec.text(field);
      if (name != null && !name.isBlank()) {
        return new Account(name, spec.child(field).place(), true);
      }
    }
    return new Account("default", spec.place(), false);
  }

  /** Every Secret the spec names, in the order written, repeats included. */
  static List<SecretRef> secrets(YamlNode spec) {
    List<SecretRef> refs = new ArrayList<>();
    for (String list : CONTAINER_LISTS) {
      for (YamlNode container : spec.objects(list)) {
        for (YamlNode env : container.objects("env")) {
          add(refs, env.object("valueFrom").object("secretKeyRef"), "name");
        }
        for (YamlNode envFrom : container.objects("envFrom")) {
          add(refs, envFrom.object("secretRef"), "name");
        }
      }
    }
    for (YamlNode volume : spec.objects("volumes")) {
      add(refs, volume.object("secret"), "secretName");
      for (YamlNode source : volume.object("projected").objects("sources")) {
        add(refs, source.object("secret"), "name");
      }
    }
    for (YamlNode pull : spec.objects("imagePullSecrets")) {
      add(refs, pull, "name");
    }
    return refs;
  }

  /** The {@code imagePullSecrets} of a ServiceAccount, which every pod running as it is given. */
  static List<SecretRef> pullSecrets(YamlNode serviceAccount) {
    List<SecretRef> refs = new ArrayList<>();
    for (YamlNode pull : serviceAccount.objects("imagePullSecrets")) {
      add(refs, pull, "name");
    }
    return refs;
  }

  private static void add(List<SecretRef> refs, YamlNode holder, String field) {
    String name = holder.text(field);
    if (name != null && !name.isBlank()) {
      refs.add(new SecretRef(name, holder.child(field).place()));
    }
  }
}
