package io.blastgate.bench;

import io.blastgate.bench.ScannedBundle.Entity;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workloads a blast radius reaches, computed in memory from a small bundle straight from the
 * definition in {@code graph-model/README.md}: an independent answer to compare the graph's against.
 */
final class ReferenceReach {
  private final Map<String, List<String>> reverse = new HashMap<>();
  private final Set<String> decommissioned = new HashSet<>();
  private final ScannedBundle bundle;

  ReferenceReach(ScannedBundle bundle) {
    this.bundle = bundle;
    for (RelType type : RelType.values()) {
      for (String[] e : bundle.edges(type)) {
        reverse.computeIfAbsent(type + ">" + e[1], k -> new ArrayList<>()).add(e[0]);
      }
    }
    for (Entity w : bundle.of(Label.WORKLOAD)) {
      if ("decommissioned".equals(w.text("status"))) {
        decommissioned.add(w.id());
      }
    }
  }

  private List<String> into(RelType type, String id) {
    return reverse.getOrDefault(type + ">" + id, List.of());
  }

  /** Directly impacted workloads and everything that depends on them, decommissioned ones left out. */
  Set<String> workloads(String target) {
    Set<String> direct = new LinkedHashSet<>();
    switch (bundle.entities.get(target).label()) {
      case CREDENTIAL -> direct.addAll(into(RelType.USES, target));
      case WORKLOAD -> direct.add(target);
      case IDENTITY -> {
        for (String i : closure(target, RelType.CAN_ASSUME)) {
          direct.addAll(into(RelType.RUNS_AS, i));
          for (String c : into(RelType.AUTHENTICATES_AS, i)) {
            direct.addAll(into(RelType.USES, c));
          }
        }
      }
      case OWNER -> throw new IllegalArgumentException("owners have no blast radius");
    }
    direct.removeAll(decommissioned);
    Set<String> all = new LinkedHashSet<>(direct);
    Deque<String> queue = new ArrayDeque<>(direct);
    while (!queue.isEmpty()) {
      for (String u : into(RelType.DEPENDS_ON, queue.poll())) {
        if (!decommissioned.contains(u) && all.add(u)) {
          queue.add(u);
        }
      }
    }
    return all;
  }

  private Set<String> closure(String start, RelType type) {
    Set<String> seen = new LinkedHashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(seen);
    while (!queue.isEmpty()) {
      for (String x : into(type, queue.poll())) {
        if (seen.add(x)) {
          queue.add(x);
        }
      }
    }
    return seen;
  }
}
