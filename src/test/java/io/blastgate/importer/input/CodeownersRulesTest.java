package io.blastgate.importer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CODEOWNERS rules as GitHub's and GitLab's documentation give them (examples from "About code
 * owners" and GitLab's "Code Owners syntax"): which owners a file, and a workload's folder, get.
 */
class CodeownersRulesTest {
  private final Problems problems = new Problems(100);

  private CodeownersRules rules(String... lines) {
    return CodeownersRules.parse(List.of(lines), "CODEOWNERS", problems);
  }

  /** The owners of the folder {@code folder} ("" the root), as owner ids. */
  private static Set<String> owners(CodeownersRules rules, String folder) {
    return rules.ownersOf(CodeownersPattern.segments(folder)).keySet().stream().map(CodeownersRules.Owner::id)
        .collect(Collectors.toSet());
  }

  private static boolean file(String pattern, String path) throws CodeownersPattern.Invalid {
    return CodeownersPattern.of(pattern).matchesFile(CodeownersPattern.segments(path));
  }

  @Test
  void patternsMatchFilesAsGitHubDocumentsThem() throws Exception {
    assertThat(file("*", "a/b/c.txt")).isTrue();
    assertThat(file("*.js", "src/app.js")).isTrue();
    assertThat(file("*.js", "src/app.go")).isFalse();
    assertThat(file("/build/logs/", "build/logs/a/b.log")).isTrue();
    assertThat(file("/build/logs/", "x/build/logs/a.log")).isFalse();
    assertThat(file("docs/*", "docs/getting-started.md")).isTrue();
    assertThat(file("docs/*", "docs/build-app/troubleshooting.md")).isFalse();
    assertThat(file("apps/", "x/apps/y/z.rb")).isTrue();
    assertThat(file("/docs/", "docs/a.md")).isTrue();
    assertThat(file("/docs/", "x/docs/a.md")).isFalse();
    assertThat(file("**/logs", "deep/er/logs/a.txt")).isTrue();
    assertThat(file("/apps/github", "apps/github/x.go")).isTrue();
    assertThat(file("/scripts/", "scripts")).isFalse();
    assertThat(file("/docs/**/*.md", "docs/projects/index.md")).isTrue();
    assertThat(file("#file_with_pound.rb", "#file_with_pound.rb")).isTrue();
    assertThat(file("path with spaces/", "path with spaces/a")).isTrue();
    assertThat(file("Dockerfile.*", "Dockerfile.ci")).isTrue();
    assertThat(file("*.[ch]", "Python/ceval.c")).isTrue();
  }

  @Test
  void theLastMatchingRuleWinsAndARuleWithoutOwnersUnowns() {
    CodeownersRules rules = rules(
        "*       @global-owner1 @global-owner2",
        "*.js    @js-owner",
        "/build/logs/ @doctocat",
        "/apps/ @octocat",
        "/apps/github");
    assertThat(owners(rules, "")).containsExactlyInAnyOrder("person:global-owner1", "person:global-owner2");
    assertThat(owners(rules, "build/logs/nightly")).containsExactly("person:doctocat");
    assertThat(owners(rules, "apps/web")).containsExactly("person:octocat");
    assertThat(owners(rules, "apps/github")).isEmpty();
    // *.js owns some files in a folder, not the folder: its owners are the folder's as a whole.
    assertThat(owners(rules, "src")).containsExactlyInAnyOrder("person:global-owner1", "person:global-owner2");
    assertThat(problems.errors()).isEmpty();
  }

  @Test
  void aFolderIsOwnedByARuleThatCoversEverythingInIt() {
    CodeownersRules rules = rules("/docs/* @root-docs", "/hack/ @org/hack", "/cmd/promtool @org/promtool",
        "/ui/** @org/ui");
    assertThat(owners(rules, "docs")).isEmpty();
    assertThat(owners(rules, "hack/gen")).containsExactly("team:hack");
    assertThat(owners(rules, "cmd/promtool")).containsExactly("team:promtool");
    assertThat(owners(rules, "cmd")).isEmpty();
    assertThat(owners(rules, "ui")).containsExactly("team:ui");
    assertThat(owners(rules, "")).isEmpty();
  }

  @Test
  void ownersAreUsersTeamsAndEmails() {
    CodeownersRules rules = rules("LICENSE @legal janedoe@gitlab.com @org/team @group/with-nested/subgroup");
    assertThat(rules.owningRules().get(0).owners()).containsExactly(
        new CodeownersRules.Owner("person:legal", "person", null),
        new CodeownersRules.Owner("person:janedoe@gitlab.com", "person", "janedoe@gitlab.com"),
        new CodeownersRules.Owner("team:team", "team", null),
        new CodeownersRules.Owner("team:subgroup", "team", null));
  }

  @Test
  void gitLabSectionsEachGiveTheirLastMatchAndDefaultOwners() {
    CodeownersRules rules = rules(
        "* @general-approvers",
        "[Documentation] @docs-team",
        "docs/",
        "README.md",
        "^[Database][2] @database-team",
        "model/db/",
        "config/db/ @docs-team");
    assertThat(owners(rules, "docs/api")).containsExactlyInAnyOrder("person:general-approvers", "person:docs-team");
    assertThat(owners(rules, "model/db")).containsExactlyInAnyOrder("person:general-approvers", "person:database-team");
    assertThat(owners(rules, "config/db")).containsExactlyInAnyOrder("person:general-approvers", "person:docs-team");
    assertThat(owners(rules, "src")).containsExactly("person:general-approvers");
    assertThat(rules.notMapped()).containsEntry("approval counts ([Name][N])", 1);
  }

  @Test
  void sectionsOfOneNameAreOneAndExclusionsAreFinalInTheirSection() {
    CodeownersRules rules = rules(
        "* @group-x",
        "!/vendor/",
        "[Ruby]",
        "/app/ @ruby-devs",
        "!/app/config/",
        "[ruby]",
        "/app/config/ @config-devs");
    assertThat(owners(rules, "vendor/lib")).isEmpty();
    assertThat(owners(rules, "app/models")).containsExactlyInAnyOrder("person:group-x", "person:ruby-devs");
    // The exclusion holds in its section even before a later rule of the same section matches.
    assertThat(owners(rules, "app/config")).containsExactly("person:group-x");
  }

  @Test
  void rolesAreCountedAsNotMappedAndMalformedLinesAreErrorsAtTheirLine() {
    CodeownersRules roles = rules("/config/ @@maintainer");
    assertThat(roles.notMapped()).containsEntry("role owners (@@maintainer)", 1);
    assertThat(owners(roles, "config")).isEmpty();

    rules("# comment", "/a/ not-an-owner", "[Docs", "/b/[x @team", "[Ok][two] @x");
    assertThat(problems.errors()).extracting(Problems.Message::location)
        .containsExactly("CODEOWNERS:2", "CODEOWNERS:3", "CODEOWNERS:4", "CODEOWNERS:5");
    assertThat(problems.errors().get(0).message())
        .isEqualTo("'not-an-owner' is not an owner: an owner is @user, @org/team or an email address");
  }

  @Test
  void repositoryLocationsAreNormalised() {
    assertThat(RepositoryLocation.parse("url:https://github.com/Org/Repo/tree/main/services/cart/"))
        .contains(new RepositoryLocation("github.com/org/repo", "services/cart"));
    assertThat(RepositoryLocation.parse("https://gitlab.com/group/sub/repo/-/tree/main/svc"))
        .contains(new RepositoryLocation("gitlab.com/group/sub/repo", "svc"));
    assertThat(RepositoryLocation.parse("git@github.com:org/repo.git"))
        .contains(new RepositoryLocation("github.com/org/repo", ""));
    assertThat(RepositoryLocation.parse("https://github.com/org/repo/blob/main/svc/catalog-info.yaml"))
        .contains(new RepositoryLocation("github.com/org/repo", "svc"));
    assertThat(RepositoryLocation.parse("dir:./services")).isEmpty();
    assertThat(RepositoryLocation.repository("github.com/argoproj/argo-cd")).contains("github.com/argoproj/argo-cd");
    assertThat(RepositoryLocation.repository("argo-cd")).isEmpty();
  }
}
