package io.blastgate.importer.input;

import java.util.Locale;

/**
 * Backstage entity references ({@code [kind:][namespace/]name}, kinds compared without case) and the
 * ids the importers give what they name, shared by every reader that meets an owner or a catalog
 * entity: a group is the team {@code team:<name>} ({@code team:<namespace>/<name>} outside the default
 * namespace), a user the person {@code person:<name>}, a component the workload {@code
 * component:<name>}, a resource {@code resource:<name>}.
 */
final class EntityRefs {
  static final String DEFAULT_NAMESPACE = "default";

  /** A parsed reference; {@code kind} in lower case. */
  record Ref(String kind, String namespace, String name) {
    /** Written in full: {@code group:default/team-a}. */
    String full() {
      return kind + ":" + namespace + "/" + name;
    }
  }

  private EntityRefs() {}

  /**
   * Parses {@code ref}, with {@code defaultKind} when it names none (null: it must name one) and the
   * namespace {@code defaultNamespace} when it names none. Null when it cannot be read.
   */
  static Ref parse(String ref, String defaultKind, String defaultNamespace) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String rest = ref.strip();
    String kind = defaultKind;
    int colon = rest.indexOf(':');
    if (colon > 0) {
      kind = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    String namespace = defaultNamespace;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      namespace = rest.substring(0, slash);
      rest = rest.substring(slash + 1);
    }
    if (kind == null || rest.isEmpty() || namespace.isEmpty() || rest.contains("/")) {
      return null;
    }
    return new Ref(kind.toLowerCase(Locale.ROOT), namespace, rest);
  }

  /** The id of an entity of the catalog: {@code <prefix>:<name>}, or {@code <prefix>:<namespace>/<name>}. */
  static String id(String prefix, String namespace, String name) {
    return prefix + ":" + (DEFAULT_NAMESPACE.equals(namespace) ? "" : namespace + "/") + name;
  }

  /** The owner id of a group or user reference ({@code team:…}, {@code person:…}); null for another kind. */
  static String ownerId(Ref ref) {
    return switch (ref.kind()) {
      case "group" -> id("team", ref.namespace(), ref.name());
      case "user" -> id("person", ref.namespace(), ref.name());
      default -> null;
    };
  }

  /** The owner kind of such an id: {@code team} or {@code person}. */
  static String ownerKind(Ref ref) {
    return "user".equals(ref.kind()) ? "person" : "team";
  }
}
