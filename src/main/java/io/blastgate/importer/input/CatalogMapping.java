package io.blastgate.importer.input;

import io.blastgate.importer.input.BackstageCatalog.CatalogEntity;
import io.blastgate.model.Label;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Backstage catalog entities to canonical entities, as {@code importers/backstage/README.md} writes
 * down: Components and Resources are workloads, Groups teams and Users persons; ownership,
 * membership and dependencies (through {@code dependsOn}, and from a consumer of an API to its
 * providers) between them. A reference to an entity the catalog does not hold is a warning and is
 * left out, since the write path would refuse it.
 */
final class CatalogMapping {
  static final String CRITICALITY_KEY = "blastgate.io/criticality";
  static final String ENVIRONMENT_KEY = "blastgate.io/environment";
  private static final Set<String> CRITICALITIES = Set.of("critical", "high", "medium", "low");
  private static final Map<String, String> LIFECYCLE_ENVIRONMENTS =
      Map.of("production", "prod", "staging", "staging", "development", "dev");

  private final PlacedEntities entities;
  private final Problems problems;
  private final Map<String, Integer> notMapped;
  /** Every entity of the catalog by its full reference ({@code component:default/x}). */
  private final Map<String, CatalogEntity> byRef = new LinkedHashMap<>();

  CatalogMapping(PlacedEntities entities, Problems problems, Map<String, Integer> notMapped) {
    this.entities = entities;
    this.problems = problems;
    this.notMapped = notMapped;
  }

  void map(Collection<CatalogEntity> catalog) {
    for (CatalogEntity entity : catalog) {
      byRef.put(entity.key(), entity);
    }
    for (CatalogEntity e : catalog) {
      switch (kind(e)) {
        case "group" -> owner(e, "team");
        case "user" -> owner(e, "person");
        case "component", "resource" -> workload(e);
        default -> notMapped.merge(e.kind() + (kind(e).equals("api") ? " (read for its providers)" : ""), 1,
            Integer::sum);
      }
    }
    Map<String, List<String>> providers = providers(catalog);
    for (CatalogEntity e : catalog) {
      switch (kind(e)) {
        case "group" -> members(e);
        case "user" -> memberOf(e);
        case "component", "resource" -> relations(e, providers);
        default -> {}
      }
    }
  }

  private static String lower(String ref) {
    return ref.toLowerCase(Locale.ROOT);
  }

  private static String kind(CatalogEntity e) {
    return e.kind().toLowerCase(Locale.ROOT);
  }

  private static String idOf(CatalogEntity e) {
    return switch (kind(e)) {
      case "group" -> EntityRefs.id("team", e.namespace(), e.name());
      case "user" -> EntityRefs.id("person", e.namespace(), e.name());
      default -> EntityRefs.id(kind(e), e.namespace(), e.name());
    };
  }

  private void owner(CatalogEntity e, String kind) {
    String id = idOf(e);
    YamlNode profile = e.node().object("spec").object("profile");
    if (entities.assertEntity(Label.OWNER, id, kind, e.node().place(), true)) {
      String display = profile.text("displayName");
      String title = e.node().object("metadata").text("title");
      entities.set(id, "name", display != null ? display : title != null ? title : e.name(), e.node().place());
      entities.set(id, "email", profile.text("email"), profile.child("email").place());
    }
  }

  private void workload(CatalogEntity e) {
    String id = idOf(e);
    YamlNode spec = e.node().object("spec");
    YamlNode metadata = e.node().object("metadata");
    String type = spec.text("type");
    String place = e.node().place();
    if (!entities.assertEntity(Label.WORKLOAD, id, workloadKind(kind(e), type), place, true)) {
      return;
    }
    String title = metadata.text("title");
    entities.set(id, "name", title != null ? title : e.name(), place);
    String lifecycle = spec.text("lifecycle");
    YamlNode annotations = metadata.object("annotations");
    String environment = annotations.text(ENVIRONMENT_KEY);
    if (environment != null) {
      entities.set(id, "environment", environment, annotations.child(ENVIRONMENT_KEY).place());
    } else if (lifecycle != null && LIFECYCLE_ENVIRONMENTS.containsKey(lifecycle)) {
      entities.set(id, "environment", LIFECYCLE_ENVIRONMENTS.get(lifecycle), spec.child("lifecycle").place());
    }
    criticality(id, metadata);
    CodeLocations.record(entities, id, List.of(annotations), CodeLocations.BACKSTAGE_KEYS);
  }

  /** From the annotation, else a tag {@code critical}, {@code high-criticality}, … */
  private void criticality(String id, YamlNode metadata) {
    YamlNode annotations = metadata.object("annotations");
    String value = annotations.text(CRITICALITY_KEY);
    if (value != null) {
      if (CRITICALITIES.contains(value)) {
        entities.set(id, "criticality", value, annotations.child(CRITICALITY_KEY).place());
      } else {
        annotations.child(CRITICALITY_KEY).warning("'" + value + "' is not a criticality (critical, high, medium,"
            + " low); the criticality is left unknown");
      }
      return;
    }
    for (YamlNode tag : metadata.strings("tags")) {
      String t = tag.asText();
      String level = t.equals("critical") ? "critical" : t.endsWith("-criticality") ? t.replace("-criticality", "") : null;
      if (level != null && CRITICALITIES.contains(level)) {
        entities.set(id, "criticality", level, tag.place());
        return;
      }
    }
  }

  /** A component's {@code spec.type} as a workload kind; a resource is a datastore unless it says otherwise. */
  static String workloadKind(String kind, String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "function", "lambda", "serverless" -> "function";
      case "job", "batch", "cronjob" -> "job";
      case "pipeline" -> "pipeline";
      case "queue", "topic", "integration" -> "integration";
      default -> kind.equals("resource") ? "datastore" : "service";
    };
  }

  /** Group {@code spec.members}: persons who are members of it. */
  private void members(CatalogEntity group) {
    String team = idOf(group);
    for (YamlNode member : group.node().object("spec").strings("members")) {
      CatalogEntity user = resolve(member, "user", group.namespace(), Set.of("user"), "member");
      if (user != null) {
        entities.add(idOf(user), "member_of", team, member.place());
      }
    }
    // spec.parent and spec.children (a hierarchy of groups) are not mapped: a team is no member of a team.
  }

  /** User {@code spec.memberOf}: the teams a person is a member of. */
  private void memberOf(CatalogEntity user) {
    String person = idOf(user);
    for (YamlNode ref : user.node().object("spec").strings("memberOf")) {
      CatalogEntity group = resolve(ref, "group", user.namespace(), Set.of("group"), "memberOf");
      if (group != null) {
        entities.add(person, "member_of", idOf(group), ref.place());
      }
    }
  }

  private void relations(CatalogEntity e, Map<String, List<String>> providers) {
    String id = idOf(e);
    YamlNode spec = e.node().object("spec");
    if (spec.has("owner")) {
      YamlNode ownerRef = spec.child("owner");
      if (ownerRef.asText() == null) {
        ownerRef.wrongType("a string");
      } else {
        CatalogEntity owner = resolve(ownerRef, "group", e.namespace(), Set.of("group", "user"), "owner");
        if (owner != null) {
          entities.add(idOf(owner), "owns", id, ownerRef.place());
        }
      }
    }
    for (YamlNode ref : spec.strings("dependsOn")) {
      CatalogEntity target = resolve(ref, "component", e.namespace(), Set.of("component", "resource"), "dependsOn");
      if (target != null && !target.equals(e)) {
        entities.add(id, "depends_on", idOf(target), ref.place());
      }
    }
    for (YamlNode ref : spec.strings("consumesApis")) {
      EntityRefs.Ref api = EntityRefs.parse(ref.asText(), "api", e.namespace());
      List<String> providing = api == null ? List.of() : providers.getOrDefault(lower(api.full()), List.of());
      if (providing.isEmpty()) {
        ref.warning("no component or resource of the catalog provides the API '" + ref.asText() + "'; no dependency"
            + " is recorded for it");
      }
      for (String provider : providing) {
        if (!provider.equals(id)) {
          entities.add(id, "depends_on", provider, ref.place());
        }
      }
    }
  }

  /** Each API (full reference) with the workloads that provide it. */
  private Map<String, List<String>> providers(Collection<CatalogEntity> catalog) {
    Map<String, List<String>> providers = new HashMap<>();
    for (CatalogEntity e : catalog) {
      if (!kind(e).equals("component") && !kind(e).equals("resource")) {
        continue;
      }
      for (YamlNode ref : e.node().object("spec").strings("providesApis")) {
        EntityRefs.Ref api = EntityRefs.parse(ref.asText(), "api", e.namespace());
        if (api != null) {
          providers.computeIfAbsent(lower(api.full()), k -> new ArrayList<>()).add(idOf(e));
        }
      }
    }
    return providers;
  }

  /**
   * The catalog entity {@code ref} names (its kind defaulting to {@code defaultKind}, its namespace to
   * the referring entity's), or null with a warning when it names none of {@code kinds} in the catalog.
   */
  private CatalogEntity resolve(YamlNode ref, String defaultKind, String namespace, Set<String> kinds, String field) {
    EntityRefs.Ref parsed = EntityRefs.parse(ref.asText(), defaultKind, namespace);
    if (parsed == null || !kinds.contains(parsed.kind())) {
      ref.warning("'" + ref.asText() + "' is not a reference to a " + String.join(" or ", kinds) + " ('" + field
          + "' takes [kind:][namespace/]name); it is left out");
      return null;
    }
    CatalogEntity target = byRef.get(lower(parsed.full()));
    if (target == null) {
      ref.warning("'" + ref.asText() + "' (" + parsed.full() + ") is not in the catalog read; the '" + field
          + "' relationship is left out");
    }
    return target;
  }
}
