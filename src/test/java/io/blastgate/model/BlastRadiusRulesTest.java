package io.blastgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.model.file.GraphModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words of {@link BlastRadiusRules} are the model's ({@code graph-model/model.yaml}) and the
 * Cypher engine's ({@code cypher/queries/blastradius/}): the plugin uses the constants, the Cypher
 * files spell the words, and both must mean the same workloads and teams.
 */
class BlastRadiusRulesTest {
  private static final Path MODEL = Path.of("graph-model/model.yaml");
  private static final Path QUERIES = Path.of("cypher/queries/blastradius");
  private static final Pattern STATUS_TEST = Pattern.compile("\\.status\\s*(?:<>|=)\\s*'([^']*)'");
  private static final Pattern KIND_TEST = Pattern.compile("\\.kind\\s*(?:<>|=)\\s*'([^']*)'");
  private static final Pattern LITERAL = Pattern.compile("'([^']*)'");
  private static final Pattern TRAVERSAL = Pattern.compile("//\\s*traversal:\\s*(\\w+)");
  private static final Set<String> WORDS =
      Set.of(BlastRadiusRules.DECOMMISSIONED, BlastRadiusRules.TEAM, BlastRadiusRules.PERSON);
  /** The traversals whose Cypher steps meet workloads that may be decommissioned. */
  private static final Set<String> OVER_WORKLOADS =
      Set.of(
          "direct_workloads_of_credential",
          "direct_workloads_of_identity",
          "dependants",
          "shared_secret_reach");
  /** The traversals whose Cypher steps derive teams from owners. */
  private static final Set<String> OVER_TEAMS = Set.of("ownership", "shared_secret_reach");

  @Test
  void theRulesWordsAreTheModelsWords() throws IOException {
    GraphModel model =
        GraphModel.from(new ObjectMapper(new YAMLFactory()).readTree(MODEL.toFile()));
    GraphModel.Property status =
        model.properties(Label.WORKLOAD).stream()
            .filter(p -> p.name().equals("status"))
            .findFirst()
            .orElseThrow();
    assertThat(status.values()).contains(BlastRadiusRules.DECOMMISSIONED);
    assertThat(model.kinds(Label.OWNER)).contains(BlastRadiusRules.TEAM, BlastRadiusRules.PERSON);
    GraphModel.Relationship membership = model.relationship(BlastRadiusRules.MEMBERSHIP);
    assertThat(membership.on()).isEqualTo(Label.OWNER);
    assertThat(membership.to()).containsExactly(Label.OWNER);
    assertThat(membership.fromKind()).contains(BlastRadiusRules.PERSON);
    assertThat(membership.toKind()).contains(BlastRadiusRules.TEAM);
  }

  @Test
  void theCypherFilesSpellTheSameWords() throws IOException {
    Map<String, String> bodies = bodies();
    assertThat(matches(STATUS_TEST, String.join("\n", bodies.values())))
        .as("the statuses the Cypher files test")
        .containsExactly(BlastRadiusRules.DECOMMISSIONED);
    assertThat(matches(KIND_TEST, String.join("\n", bodies.values())))
        .as("the kinds the Cypher files test")
        .containsExactlyInAnyOrder(BlastRadiusRules.TEAM, BlastRadiusRules.PERSON);
    Set<String> labels =
        Arrays.stream(Label.values()).map(Label::cypherName).collect(Collectors.toSet());
    bodies.forEach(
        (file, body) ->
            assertThat(matches(LITERAL, body))
                .as("the quoted words of %s: only the rules' words and labels", file)
                .allMatch(w -> labels.contains(w) || WORDS.contains(w)));
  }

  @Test
  void everyCypherStepOverWorkloadsOrTeamsAppliesTheRules() throws IOException {
    for (Path file : files()) {
      String text = Files.readString(file);
      Matcher m = TRAVERSAL.matcher(text);
      String traversal = m.find() ? m.group(1) : "";
      String body = body(text);
      if (OVER_WORKLOADS.contains(traversal)) {
        assertThat(matches(STATUS_TEST, body))
            .as("statuses of %s", file)
            .containsExactly(BlastRadiusRules.DECOMMISSIONED);
      }
      if (OVER_TEAMS.contains(traversal)) {
        assertThat(matches(KIND_TEST, body))
            .as("kinds of %s", file)
            .containsExactlyInAnyOrder(BlastRadiusRules.TEAM, BlastRadiusRules.PERSON);
        assertThat(body)
            .as("membership in %s", file)
            .contains("[:" + BlastRadiusRules.MEMBERSHIP.name() + "]");
      }
    }
  }

  private static Map<String, String> bodies() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path file : files()) {
      out.put(file.getFileName().toString(), body(Files.readString(file)));
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(QUERIES)) {
      return files.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
    }
  }

  /** A file without its comment lines, where the rules' words are prose. */
  private static String body(String text) {
    return text.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
  }

  private static Set<String> matches(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
