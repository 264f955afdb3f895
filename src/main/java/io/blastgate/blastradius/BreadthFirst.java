package io.blastgate.blastradius;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Level-by-level search from a set of start nodes: each level is one query for all the frontier at
 * once, so depths are shortest-path lengths, cycles end, and the bound is exact. When the search stops
 * at the bound with a frontier left, one more expansion tells whether anything lay beyond it.
 *
 * <p>Each node reached also keeps its parent, the node of the level before through which its via runs
 * (graph-model/README.md, "Why it is impacted: via"): of the candidates, the one with the shortest path from the
 * target ({@code length}), then the smallest id.
 */
final class BreadthFirst {
  private BreadthFirst() {}

  /** One step found by an expansion: {@code id} is one step further than {@code parent}. */
  record Edge(String id, String parent) {}

  record Result(Map<String, Integer> depths, Map<String, String> parents, boolean truncated) {}

  /**
   * @param start the nodes at depth 0, each with the length of its own path from the target
   * @param expand the steps one further from a frontier (may reach nodes already seen)
   * @param maxDepth the deepest level to reach
   */
  static Result search(
      Map<String, Integer> start, Function<List<String>, Collection<Edge>> expand, int maxDepth) {
    Map<String, Integer> depths = new LinkedHashMap<>();
    Map<String, Integer> lengths = new HashMap<>(start);
    Map<String, String> parents = new HashMap<>();
    start.keySet().forEach(id -> depths.putIfAbsent(id, 0));
    List<String> frontier = new ArrayList<>(depths.keySet());
    int depth = 0;
    while (!frontier.isEmpty() && depth < maxDepth) {
      depth++;
      List<String> next = new ArrayList<>();
      for (Edge e : expand.apply(frontier)) {
        Integer seen = depths.putIfAbsent(e.id(), depth);
        if (seen == null) {
          next.add(e.id());
          parents.put(e.id(), e.parent());
          lengths.put(e.id(), lengths.get(e.parent()) + 1);
        } else if (seen == depth && better(e.parent(), parents.get(e.id()), lengths)) {
          parents.put(e.id(), e.parent());
          lengths.put(e.id(), lengths.get(e.parent()) + 1);
        }
      }
      frontier = next;
    }
    boolean truncated =
        !frontier.isEmpty()
            && expand.apply(frontier).stream().anyMatch(e -> !depths.containsKey(e.id()));
    return new Result(depths, parents, truncated);
  }

  /** Whether a candidate parent is preferred to the current one: a shorter path, then a smaller id. */
  static boolean better(String candidate, String current, Map<String, Integer> lengths) {
    int byLength = Integer.compare(lengths.get(candidate), lengths.get(current));
    return byLength < 0 || (byLength == 0 && candidate.compareTo(current) < 0);
  }
}
