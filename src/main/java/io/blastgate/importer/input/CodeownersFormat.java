package io.blastgate.importer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CODEOWNERS files, GitHub's and GitLab's ({@code importers/codeowners/README.md}), read by {@link
 * CodeownersInput}: the owners of a repository's folders, joined to the workloads of the graph whose
 * code lives there. Recognised by a file named {@code CODEOWNERS}, a folder holding one where GitHub or
 * GitLab look for it, or, for an upload, which has no name, by its first lines. The repository the
 * file describes is the option {@code repository}, which it cannot be read without.
 */
public final class CodeownersFormat implements InputFormat {
  static final String NAME = "codeowners";
  static final String FILE_NAME = "CODEOWNERS";
  static final String REPOSITORY = "repository";
  /** Where GitHub looks, in its order, then GitLab's own folder. */
  static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS",
      ".gitlab/CODEOWNERS");
  private static final int PEEK_BYTES = 8 * 1024;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> optionNames() {
    return Set.of(REPOSITORY);
  }

  @Override
  public boolean recognises(Path path, Form form) throws IOException {
    if (form != Form.FILE) {
      return !files(path).isEmpty();
    }
    return FILE_NAME.equals(InputFormats.nameOf(path)) || looksLikeCodeowners(path);
  }

  /**
   * The source a CODEOWNERS file is imported as when none is named: {@code codeowners:} and its
   * repository, {@code /} written {@code :} ({@code codeowners:github.com:argoproj:argo-cd}), so that
   * each repository's file is a source of its own. Empty when {@code repositoryOption} names none.
   */
  public static Optional<String> defaultSource(String repositoryOption) {
    return RepositoryLocation.repository(repositoryOption).map(CodeownersFormat::sourceOf);
  }

  private static String sourceOf(String repository) {
    return "codeowners:" + repository.replace('/', ':');
  }

  /** The CODEOWNERS files of a folder, in the order GitHub looks for them: the first is read. */
  static List<Path> files(Path folder) {
    return LOCATIONS.stream().map(folder::resolve).filter(Files::isRegularFile).toList();
  }

  @Override
  public SourceInput open(Path path, Opening opening) throws Refusal {
    String given = opening.options().get(REPOSITORY);
    if (given == null) {
      throw new Refusal("a CODEOWNERS file does not say which repository it describes: give it as the option"
          + " 'repository' (github.com/<org>/<name> or gitlab.com/<group>/<name>; --option repository=… at the"
          + " command line, the query parameter repository over HTTP)");
    }
    Optional<String> repository = RepositoryLocation.repository(given);
    if (repository.isEmpty()) {
      throw new Refusal("'" + given + "' is not a repository: the option 'repository' is written"
          + " <host>/<owner>/<name> (github.com/argoproj/argo-cd) or as the repository's URL");
    }
    String source = opening.requestedSource().orElse(sourceOf(repository.get()));
    Path file = path;
    String shown = opening.inputName().isEmpty() ? FILE_NAME : opening.inputName();
    List<Path> others = List.of();
    if (opening.form() != Form.FILE) {
      List<Path> found = files(path);
      file = found.get(0);
      shown = path.relativize(file).toString().replace('\\', '/');
      others = found.subList(1, found.size()).stream().map(f -> path.relativize(f)).toList();
    }
    return new CodeownersInput(file, shown, repository.get(), source, opening.workloads(), others);
  }

  /**
   * An upload's first lines: each a comment, a section header or a pattern followed by owners, each
   * holding an '@' (or none: a rule that un-owns); at least one rule with owners. JSON, YAML and CSV
   * never read so.
   */
  private static boolean looksLikeCodeowners(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(PEEK_BYTES);
    }
    String text = new String(head, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    if (head.length == PEEK_BYTES && !lines.isEmpty()) {
      lines = lines.subList(0, lines.size() - 1);
    }
    int rules = 0;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("[") || line.startsWith("^[")) {
        continue;
      }
      List<String> tokens = CodeownersRules.tokens(line);
      if (!tokens.subList(1, tokens.size()).stream().allMatch(t -> t.contains("@"))) {
        return false;
      }
      rules += tokens.size() > 1 ? 1 : 0;
    }
    return rules > 0;
  }

  @Override
  public List<String> archiveHolds() {
    return List.of("a CODEOWNERS file (at its root, in .github/, docs/ or .gitlab/)");
  }
}
