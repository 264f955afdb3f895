package io.blastgate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which graph ids stand for which Keycloak objects: an ordered list of rules, the first that matches
 * wins. A rule's pattern holds one {@code {name}} placeholder; the part of the id it covers is the
 * username of a user, or the clientId of a client, in the rule's realm. As text (the configuration),
 * rules are separated by {@code ;} or new lines, each {@code pattern=user@realm} or {@code
 * pattern=client@realm}:
 *
 * <pre>person:{name}=user@acme; kc-client:{name}=client@acme</pre>
 *
 * maps {@code person:alice} to the user {@code alice} of realm {@code acme} and {@code
 * kc-client:billing} to the client {@code billing}. An id no rule matches is not Keycloak's.
 */
public record KeycloakMapping(List<Rule> rules) {
  static final String PLACEHOLDER = "{name}";

  public KeycloakMapping {
    rules = List.copyOf(rules);
  }

  /** The kind of Keycloak object an id stands for. */
  public enum Kind {
    USER,
    CLIENT
  }

  /** The Keycloak object a graph id stands for. */
  public record Target(Kind kind, String realm, String name) {
    public Target {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(realm, "realm");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return (kind == Kind.USER ? "user " : "client ") + name + " in realm " + realm;
    }
  }

  /** {@code prefix{name}suffix} maps to an object of {@code kind} named by what {@code {name}} covers. */
  public record Rule(String pattern, Kind kind, String realm) {
    public Rule {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(realm, "realm");
      int at = pattern.indexOf(PLACEHOLDER);
      if (at < 0 || pattern.indexOf(PLACEHOLDER, at + 1) >= 0) {
        throw new IllegalArgumentException(
            "a Keycloak mapping pattern holds " + PLACEHOLDER + " exactly once: '" + pattern + "'");
      }
      if (realm.isBlank() || realm.contains("/")) {
        throw new IllegalArgumentException("a Keycloak mapping names a realm without '/': '" + realm + "'");
      }
    }

    Optional<Target> match(String id) {
      int at = pattern.indexOf(PLACEHOLDER);
      String prefix = pattern.substring(0, at);
      String suffix = pattern.substring(at + PLACEHOLDER.length());
      if (id.length() <= prefix.length() + suffix.length() || !id.startsWith(prefix) || !id.endsWith(suffix)) {
        return Optional.empty();
      }
      String name = id.substring(prefix.length(), id.length() - suffix.length());
      return name.isBlank() ? Optional.empty() : Optional.of(new Target(kind, realm, name));
    }
  }

  /** The object the id stands for, by the first rule that matches it. */
  public Optional<Target> resolve(String graphId) {
    for (Rule rule : rules) {
      Optional<Target> target = rule.match(graphId);
      if (target.isPresent()) {
        return target;
      }
    }
    return Optional.empty();
  }

  /** Reads the text form (above); every malformed rule is named in one exception. */
  public static KeycloakMapping parse(String text) {
    List<Rule> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String part : text.split("[;\\n]")) {
      String rule = part.strip();
      if (rule.isEmpty()) {
        continue;
      }
      try {
        rules.add(parseRule(rule));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new KeycloakMapping(rules);
  }

  private static Rule parseRule(String rule) {
    int eq = rule.lastIndexOf('=');
    int at = rule.lastIndexOf('@');
    if (eq < 0 || at < eq) {
      throw new IllegalArgumentException(
          "a Keycloak mapping rule reads pattern=user@realm or pattern=client@realm: '" + rule + "'");
    }
    String kind = rule.substring(eq + 1, at).strip();
    Kind parsed = switch (kind) {
      case "user" -> Kind.USER;
      case "client" -> Kind.CLIENT;
      default -> throw new IllegalArgumentException(
          "a Keycloak mapping maps to a user or a client, not '" + kind + "': '" + rule + "'");
    };
    return new Rule(rule.substring(0, eq).strip(), parsed, rule.substring(at + 1).strip());
  }

  @Override
  public String toString() {
    return String.join("; ", rules.stream()
        .map(r -> r.pattern() + "=" + r.kind().name().toLowerCase(java.util.Locale.ROOT) + "@" + r.realm())
        .toList());
  }
}
