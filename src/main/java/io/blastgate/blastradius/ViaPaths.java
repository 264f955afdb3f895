package io.blastgate.blastradius;

import io.blastgate.blastradius.BlastRadius.Direction;
import io.blastgate.blastradius.BlastRadius.Step;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code via} of every entity of one answer, from the parent pointers its breadth-first searches
 * left (graph-model/README.md, "Why it is impacted: via"): each entity met names the next entity toward the target,
 * and its via is its parent's via and itself. Both engines hand their parents here, so they build
 * paths alike; no path costs a query. Paths share nothing but their steps, one per entity.
 */
final class ViaPaths {
  private record Met(String id, String name, Label label, String parent) {}

  private final String targetId;
  private final Map<String, Met> met = new HashMap<>();
  private final Map<String, Step> steps = new HashMap<>();
  private final Map<String, List<Step>> paths = new HashMap<>();

  ViaPaths(EntityRef target) {
    this.targetId = target.id();
    Step first = new Step(target.id(), target.name(), target.label(), null, null);
    steps.put(target.id(), first);
    paths.put(target.id(), List.of(first));
  }

  /**
   * An entity met, and the next entity toward the target (its parent); its name may follow later
   * ({@link #name}), but before any path through it is asked for.
   */
  void met(String id, String name, Label label, String parent) {
    if (!id.equals(targetId)) {
      met.put(id, new Met(id, name, label, parent));
    }
  }

  /** The name of an entity met without one. */
  void name(String id, String name) {
    Met m = met.get(id);
    if (m != null) {
      met.put(id, new Met(id, name, m.label(), m.parent()));
    }
  }

  /** The path from the target to this entity: the target first, this entity last. */
  List<Step> of(String id) {
    Deque<String> pending = new ArrayDeque<>();
    String at = id;
    while (!paths.containsKey(at)) {
      pending.push(at);
      Met m = met.get(at);
      if (m == null || m.parent() == null) {
        throw new IllegalStateException("no path from the target to " + id + " (at " + at + ")");
      }
      at = m.parent();
    }
    List<Step> path = paths.get(at);
    while (!pending.isEmpty()) {
      String next = pending.pop();
      List<Step> longer = new ArrayList<>(path.size() + 1);
      longer.addAll(path);
      longer.add(step(next));
      path = List.copyOf(longer);
      paths.put(next, path);
    }
    return path;
  }

  private Step step(String id) {
    Step known = steps.get(id);
    if (known != null) {
      return known;
    }
    Met m = met.get(id);
    Label parentLabel = m.parent().equals(targetId) ? steps.get(targetId).label() : met.get(m.parent()).label();
    Step step = new Step(m.id(), m.name(), m.label(), between(m.label(), parentLabel), Direction.TOWARD_TARGET);
    steps.put(id, step);
    return step;
  }

  /**
   * The relationship that a via follows from an entity of one label to the next toward the target: every
   * traversal of a blast radius walks relationships that point toward the target.
   */
  static RelType between(Label from, Label toward) {
    return switch (from) {
      case WORKLOAD ->
          switch (toward) {
            case CREDENTIAL -> RelType.USES;
            case IDENTITY -> RelType.RUNS_AS;
            case WORKLOAD -> RelType.DEPENDS_ON;
            case OWNER -> throw noStep(from, toward);
          };
      case CREDENTIAL -> {
        if (toward != Label.IDENTITY) {
          throw noStep(from, toward);
        }
        yield RelType.AUTHENTICATES_AS;
      }
      case IDENTITY -> {
        if (toward != Label.IDENTITY) {
          throw noStep(from, toward);
        }
        yield RelType.CAN_ASSUME;
      }
      case OWNER -> throw noStep(from, toward);
    };
  }

  private static IllegalStateException noStep(Label from, Label toward) {
    return new IllegalStateException("no blast-radius step from " + from + " toward " + toward);
  }
}
