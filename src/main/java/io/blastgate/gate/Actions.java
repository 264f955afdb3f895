package io.blastgate.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.error.BlastgateException;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The containment ladder, read from {@code policy/actions.yaml} (on the class path, where the build
 * puts the top-level {@code policy/} folder). The file is the declaration; this class only binds it,
 * and refuses a file that names an unknown stage or label, or suggests an action it does not declare.
 */
public final class Actions {
  static final String RESOURCE = "policy/actions.yaml";

  private final Map<String, Action> byName;
  private final List<String> order;

  private Actions(Map<String, Action> byName) {
    this.byName = Map.copyOf(byName);
    this.order = List.copyOf(byName.keySet());
  }

  /** The ladder the program ships. */
  public static Actions ladder() {
    try (InputStream in = Actions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return read(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Actions read(JsonNode root) {
    List<String> problems = new ArrayList<>();
    Map<String, Action> actions = new LinkedHashMap<>();
    JsonNode declared = root.path("actions");
    for (Map.Entry<String, JsonNode> entry : declared.properties()) {
      String name = entry.getKey();
      JsonNode a = entry.getValue();
      Set<Label> labels = new LinkedHashSet<>();
      for (JsonNode label : a.path("applies_to")) {
        Optional<Label> l = Label.fromCypherName(label.asText());
        if (l.isEmpty() || l.get() == Label.OWNER) {
          problems.add(name + ": applies_to names '" + label.asText() + "', not a label one contains");
        } else {
          labels.add(l.get());
        }
      }
      Stage stage;
      try {
        stage = Stage.valueOf(a.path("stage").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(name + ": unknown stage '" + a.path("stage").asText() + "'");
        continue;
      }
      List<String> softer = new ArrayList<>();
      a.path("softer").forEach(s -> softer.add(s.asText()));
      actions.put(name, new Action(name, stage, labels, a.path("reversible").asBoolean(),
          a.path("expires").asBoolean(false), a.path("interrupts").path("human").asBoolean(true),
          a.path("interrupts").path("non_human").asBoolean(true),
          a.hasNonNull("records") ? a.get("records").asText() : null, a.path("repeatable").asBoolean(false),
          softer));
    }
    for (Action action : actions.values()) {
      for (String softer : action.softer()) {
        Action s = actions.get(softer);
        if (s == null) {
          problems.add(action.name() + ": suggests '" + softer + "', which is not declared");
        } else if (s.stage().compareTo(action.stage()) > 0) {
          problems.add(action.name() + ": suggests '" + softer + "', which is not softer");
        }
      }
    }
    if (!problems.isEmpty() || actions.isEmpty()) {
      throw new BlastgateException.InvalidConfiguration(RESOURCE,
          problems.isEmpty() ? List.of("it declares no action") : problems);
    }
    return new Actions(actions);
  }

  /** The action of this name, or invalid input that lists the actions there are. */
  public Action named(String name) {
    Action action = byName.get(name);
    if (action == null) {
      throw new BlastgateException.InvalidInput(
          "unknown action '" + name + "' (the actions are " + String.join(", ", order) + ")");
    }
    return action;
  }

  public Optional<Action> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every action, in the file's order (mildest first). */
  public List<Action> all() {
    return order.stream().map(byName::get).toList();
  }
}
