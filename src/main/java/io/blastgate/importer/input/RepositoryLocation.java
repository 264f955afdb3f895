package io.blastgate.importer.input;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a workload's code lives: a repository, normalised to {@code <host>/<owner>/<name>} in lower
 * case ({@code github.com/argoproj/argo-cd}; GitLab's nested groups keep every level, {@code
 * gitlab.com/group/sub/name}), and the folder inside it ({@code services/cart}; empty for the root).
 * This is the key the CODEOWNERS importer joins workloads by ({@code graph-model/README.md},
 * "Where a workload's code lives"). Read from a repository name or URL ({@code
 * https://github.com/org/repo.git}, {@code git@github.com:org/repo}), or from a tree or blob URL, whose
 * path after the branch is the folder ({@code https://github.com/org/repo/tree/main/services/cart/},
 * GitLab's {@code …/-/tree/main/services/cart}); the branch is taken to be one path segment.
 */
record RepositoryLocation(String repository, String path) {
  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]+)?");
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_.][a-z0-9_.-]*");

  RepositoryLocation {
    path = path == null ? "" : path;
  }

  /**
   * The repository and folder {@code written} names, after an optional Backstage location type
   * ({@code url:}); empty when it names none (a {@code dir:} location, a bare word).
   */
  static Optional<RepositoryLocation> parse(String written) {
    if (written == null) {
      return Optional.empty();
    }
    String s = written.strip();
    if (s.startsWith("url:")) {
      s = s.substring(4);
    }
    s = s.replaceFirst("^(?i)(https?|ssh|git)://", "").replaceFirst("^[^@/]+@", "");
    int query = s.indexOf('?');
    s = query >= 0 ? s.substring(0, query) : s;
    int fragment = s.indexOf('#');
    s = fragment >= 0 ? s.substring(0, fragment) : s;
    // git@github.com:org/repo: the host ends at the colon.
    s = s.replaceFirst("^([^/:]+):(?![0-9]+/)", "$1/");
    List<String> parts = Arrays.stream(s.split("/")).filter(p -> !p.isEmpty()).toList();
    if (parts.size() < 3 || !HOST.matcher(parts.get(0).toLowerCase(Locale.ROOT)).matches()) {
      return Optional.empty();
    }
    int[] cut = cut(parts);
    List<String> repo = parts.subList(1, cut[0]);
    int from = Math.min(cut[1], parts.size());
    List<String> folder = parts.subList(from, Math.max(cut[2], from));
    if (repo.size() < 2) {
      return Optional.empty();
    }
    StringBuilder name = new StringBuilder(parts.get(0).toLowerCase(Locale.ROOT));
    for (int i = 0; i < repo.size(); i++) {
      String segment = repo.get(i).toLowerCase(Locale.ROOT);
      if (i == repo.size() - 1 && segment.endsWith(".git")) {
        segment = segment.substring(0, segment.length() - 4);
      }
      if (!SEGMENT.matcher(segment).matches()) {
        return Optional.empty();
      }
      name.append('/').append(segment);
    }
    return Optional.of(new RepositoryLocation(name.toString(), String.join("/", folder)));
  }

  /** A repository given as an option: {@code github.com/org/name}, or a URL of it, never of a folder. */
  static Optional<String> repository(String written) {
    return parse(written).filter(l -> l.path().isEmpty()).map(RepositoryLocation::repository);
  }

  /**
   * Where the repository's name ends in {@code parts}, where the folder starts and ends: GitLab's {@code
   * -/tree/<branch>/}, else {@code tree/<branch>/} (GitHub) or {@code src/<branch>/} (Bitbucket) after
   * owner and name; a {@code blob} URL names a file, whose folder is meant. No marker: all is the name.
   */
  private static int[] cut(List<String> parts) {
    for (int i = 3; i < parts.size() - 1; i++) {
      if (parts.get(i).equals("-") && List.of("tree", "blob").contains(parts.get(i + 1))) {
        return new int[] {i, i + 3, parts.get(i + 1).equals("blob") ? parts.size() - 1 : parts.size()};
      }
    }
    for (int i = 3; i < parts.size(); i++) {
      if (List.of("tree", "blob", "src").contains(parts.get(i))) {
        return new int[] {i, i + 2, parts.get(i).equals("blob") ? parts.size() - 1 : parts.size()};
      }
    }
    return new int[] {parts.size(), parts.size(), parts.size()};
  }
}
