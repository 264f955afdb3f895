package io.blastgate.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.graph.CypherQuery;
import io.blastgate.graph.Graph;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The entity feature's Cypher files: listed by the enum, headed, planned by Neo4j, true to the model. */
@ExtendWith(TestGraph.class)
class EntityQueryTest {
  private static final Path FOLDER = Path.of("cypher/queries/entities");
  private static final Pattern TYPES = Pattern.compile("\\[\\w+:([A-Z_|]+)\\]");

  @Test
  void theEnumListsExactlyTheFilesOfTheFolder() throws IOException {
    Set<String> files;
    try (Stream<Path> list = Files.list(FOLDER)) {
      files = list.map(p -> "entities/" + p.getFileName()).collect(Collectors.toSet());
    }
    assertThat(Arrays.stream(EntityQuery.values()).map(EntityQuery::file)).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void everyFileHasItsHeader() {
    for (EntityQuery q : EntityQuery.values()) {
      assertThat(q.text()).as(q.file()).startsWith("// ").contains("\n// params: ").contains("\n// returns: ");
    }
  }

  @Test
  void everyQueryIsPlannedByNeo4j(Graph graph) {
    for (EntityQuery q : EntityQuery.values()) {
      CypherQuery explain =
          new CypherQuery() {
            @Override
            public String file() {
              return q.file();
            }

            @Override
            public String text() {
              return "EXPLAIN " + q.text();
            }
          };
      Map<String, Object> params = new HashMap<>();
      for (String name : new String[] {"id", "text", "lucene", "label", "offset", "limit"}) {
        params.put(name, name.equals("offset") || name.equals("limit") ? 1 : "x");
      }
      String operator = graph.read(explain, params, r -> r.consume().plan().operatorType());
      assertThat(operator).as(q.file()).isNotBlank();
    }
  }

  @Test
  void aQueryThatNamesATraversalFollowsExactlyItsTypes() throws IOException {
    JsonNode traversals =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("graph-model/model.yaml").toFile()).get("traversals");
    int checked = 0;
    for (EntityQuery q : EntityQuery.values()) {
      Matcher declared = Pattern.compile("// traversal: (\\w+)").matcher(q.text());
      if (!declared.find()) {
        continue;
      }
      Set<String> expected = new TreeSet<>();
      traversals.get(declared.group(1)).forEach(t -> expected.add(t.asText()));
      Set<String> used = new TreeSet<>();
      Matcher types = TYPES.matcher(q.text());
      while (types.find()) {
        used.addAll(Arrays.asList(types.group(1).split("\\|")));
      }
      assertThat(used).as(q.file()).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isPositive();
  }
}
