package io.blastgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.GraphSnapshot;
import io.blastgate.testing.TestGraph;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fuzzer's checks of what it got: a problem document's shape, and the graph after every case. */
final class FuzzGraph {
  private FuzzGraph() {}

  /**
   * What keeps an answer from being the problem document of api/problems.md, with every error of an
   * invalid import located; null when it is one.
   */
  static String notAProblemDocument(HttpResponse<String> r, JsonNode p, String problems) {
    int status = r.statusCode();
    if (!r.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
      return status + " is not application/problem+json";
    }
    if (!p.path("type").asText().startsWith(problems) || p.path("status").asInt() != status
        || p.path("title").asText().isBlank() || p.path("detail").asText().isBlank()
        || !p.path("request_id").asText().equals(r.headers().firstValue("X-Request-Id").orElse("?"))) {
      return status + " lacks a problem document's members: " + p;
    }
    if (status != 422) {
      return null;
    }
    JsonNode errors = p.path("report").path("errors");
    if (!errors.isArray() || errors.isEmpty() || p.path("error_count").asLong() < errors.size()
        || !p.path("report").path("status").asText().equals("failed")) {
      return "422 without its failed report and errors: " + p;
    }
    for (JsonNode e : errors) {
      if (!e.path("location").isTextual() || e.path("message").asText().isBlank()) {
        return "an error without its location or message: " + e;
      }
    }
    return null;
  }

  /**
   * Every trace a refused import may have left: a seeded entity or relationship changed (other than by
   * an import that succeeded), an entity, relationship or source record of a source that was not
   * imported. {@code imported}: the sources whose import succeeded.
   */
  static List<String> tracesOfRefusals(GraphSnapshot seeded, GraphSnapshot now, Set<String> imported) {
    List<String> traces = new ArrayList<>();
    Set<String> allowed = new HashSet<>(imported);
    seeded.nodes().values().forEach(n -> allowed.addAll(sources(n)));
    seeded.relationships().values().forEach(rel -> allowed.addAll(sources(rel)));
    compare("node", seeded.nodes(), now.nodes(), imported, traces);
    compare("relationship", seeded.relationships(), now.relationships(), imported, traces);
    now.nodes().forEach((id, n) -> unknownSources("node " + id, n, allowed, traces));
    now.relationships().forEach((key, rel) -> unknownSources("relationship " + key, rel, allowed, traces));
    List<String> recorded = TestGraph.database().executeTransactionally(
        "MATCH (s:Source) RETURN s.name AS name", Map.of(),
        result -> result.stream().map(row -> (String) row.get("name")).toList());
    recorded.stream().filter(name -> !allowed.contains(name))
        .forEach(name -> traces.add("a source record of '" + name + "', which was refused"));
    return traces;
  }

  /** A seeded item is as it was, unless an import that succeeded asserted it too. */
  private static void compare(String what, Map<String, Map<String, Object>> seeded, Map<String, Map<String, Object>> now,
      Set<String> imported, List<String> traces) {
    seeded.forEach((key, before) -> {
      Map<String, Object> after = now.get(key);
      if (after == null) {
        traces.add("the seeded " + what + " " + key + " is gone");
      } else if (!after.equals(before) && sources(after).stream().noneMatch(imported::contains)) {
        traces.add("the seeded " + what + " " + key + " changed: " + before + " -> " + after);
      }
    });
  }

  private static void unknownSources(String what, Map<String, Object> item, Set<String> allowed, List<String> traces) {
    for (String source : sources(item)) {
      if (!allowed.contains(source)) {
        traces.add(what + " carries source '" + source + "', whose import was refused");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> sources(Map<String, Object> item) {
    return item.get("sources") instanceof List<?> list ? (List<String>) list : List.of();
  }
}
