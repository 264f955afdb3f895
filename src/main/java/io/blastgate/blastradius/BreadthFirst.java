package io.blastgate.blastradius;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Level-by-level search from a set of start nodes: each level is one query for all the frontier at
 * once, so depths are shortest-path lengths, cycles end, and the bound is exact. When the search stops
 * at the bound with a frontier left, one more expansion tells whether anything lay beyond it.
 */
final class BreadthFirst {
  private BreadthFirst() {}

  record Result(Map<String, Integer> depths, boolean truncated) {}

  /**
   * @param start the nodes at depth 0
   * @param expand the neighbours one step further of a frontier (may include nodes already seen)
   * @param maxDepth the deepest level to reach
   */
  static Result search(
      Collection<String> start, Function<List<String>, Collection<String>> expand, int maxDepth) {
    Map<String, Integer> depths = new LinkedHashMap<>();
    start.forEach(id -> depths.putIfAbsent(id, 0));
    List<String> frontier = new ArrayList<>(depths.keySet());
    int depth = 0;
    while (!frontier.isEmpty() && depth < maxDepth) {
      depth++;
      List<String> next = new ArrayList<>();
      for (String id : expand.apply(frontier)) {
        if (depths.putIfAbsent(id, depth) == null) {
          next.add(id);
        }
      }
      frontier = next;
    }
    boolean truncated =
        !frontier.isEmpty()
            && expand.apply(frontier).stream().anyMatch(id -> !depths.containsKey(id));
    return new Result(depths, truncated);
  }
}
