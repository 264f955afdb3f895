package io.blastgate.importer.input;

import java.util.List;

/**
 * A read-only look at the workloads already in the graph whose code lives in one repository (their
 * {@code repository} property), for a format that joins its facts to them (CODEOWNERS: the owners of
 * each workload's folder). The importer hands the graph's through {@link InputFormat.Opening}; a first
 * load into an empty database, and a reader that needs none, get {@link #NONE}.
 */
@FunctionalInterface
public interface RepositoryWorkloads {
  RepositoryWorkloads NONE = repository -> List.of();

  /** One workload of the repository: its id and its folder ({@code services/cart}; empty for the root). */
  record Workload(String id, String path) {
    public Workload {
      path = path == null ? "" : path;
    }
  }

  /** The workloads whose {@code repository} is {@code repository} (normalised), in id order. */
  List<Workload> in(String repository);
}
