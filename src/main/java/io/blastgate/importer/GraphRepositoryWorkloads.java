package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.importer.input.RepositoryWorkloads;
import java.util.List;
import java.util.Map;

/**
 * The workloads of a repository as the graph holds them when an import opens its input, read as the
 * first pass's look-ups beyond the bundle are ({@link EntityLookup}): a format that joins to them
 * (CODEOWNERS) sees the workloads of the graph at import time.
 */
final class GraphRepositoryWorkloads {
  private GraphRepositoryWorkloads() {}

  static RepositoryWorkloads in(Graph graph) {
    return repository -> graph.readAnyState(ImporterQuery.FIND_WORKLOADS_OF_REPOSITORY,
        Map.of("repository", repository),
        result -> {
          List<RepositoryWorkloads.Workload> out = new java.util.ArrayList<>();
          result.forEachRemaining(r -> out.add(new RepositoryWorkloads.Workload(r.text("id"), r.textOrNull("path"))));
          return out;
        });
  }
}
