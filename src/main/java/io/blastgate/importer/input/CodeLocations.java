package io.blastgate.importer.input;

import java.util.List;
import java.util.Optional;

/**
 * Where a workload's code lives, from the annotations that say so ({@code graph-model/README.md},
 * "Where a workload's code lives"): the workload properties {@code repository} and {@code
 * repository_path}, which the CODEOWNERS importer joins by. The first key of a list that names a
 * repository gives both; a later one naming another repository is a warning, and a value that names
 * none is a warning at its place (the workload is imported without it).
 */
final class CodeLocations {
  /** Backstage's: a {@code url:} location of the entity's source folder. */
  static final String SOURCE_LOCATION = "backstage.io/source-location";
  /** Backstage's GitHub and GitLab plugins': {@code org/name}, the repository's root. */
  static final String GITHUB_SLUG = "github.com/project-slug";
  static final String GITLAB_SLUG = "gitlab.com/project-slug";
  /** blastgate's own, for Kubernetes objects: a repository, or a tree URL of its folder. */
  static final String REPOSITORY = "blastgate.io/repository";

  static final List<String> BACKSTAGE_KEYS = List.of(SOURCE_LOCATION, GITHUB_SLUG, GITLAB_SLUG);
  static final List<String> KUBERNETES_KEYS = List.of(REPOSITORY, SOURCE_LOCATION);

  private CodeLocations() {}

  /** Sets workload {@code id}'s repository and folder from the first of {@code keys} in {@code annotations}. */
  static void record(PlacedEntities entities, String id, List<YamlNode> annotations, List<String> keys) {
    RepositoryLocation chosen = null;
    for (String key : keys) {
      for (YamlNode holder : annotations) {
        String value = holder.text(key);
        if (value == null || value.isBlank()) {
          continue;
        }
        YamlNode at = holder.child(key);
        Optional<RepositoryLocation> location = read(key, value);
        if (location.isEmpty()) {
          if (!value.strip().startsWith("dir:")) {
            at.warning("'" + value + "' names no repository (github.com/<org>/<name>, or a URL of it or of a"
                + " folder in it); the workload's repository is left unknown, so CODEOWNERS do not reach it");
          }
        } else if (chosen == null) {
          chosen = location.get();
          entities.set(id, "repository", chosen.repository(), at.place());
          if (!chosen.path().isEmpty()) {
            entities.set(id, "repository_path", chosen.path(), at.place());
          }
        } else if (!chosen.repository().equals(location.get().repository())) {
          at.warning("names the repository " + location.get().repository() + ", but " + chosen.repository()
              + " was read first (" + String.join(", then ", keys) + "); " + chosen.repository() + " is kept");
        }
      }
    }
  }

  private static Optional<RepositoryLocation> read(String key, String value) {
    return switch (key) {
      case GITHUB_SLUG -> RepositoryLocation.parse("github.com/" + value.strip());
      case GITLAB_SLUG -> RepositoryLocation.parse("gitlab.com/" + value.strip());
      default -> RepositoryLocation.parse(value);
    };
  }
}
