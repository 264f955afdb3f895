package io.blastgate.importer;

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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The importer's Cypher files: listed, documented, valid, and using only the model's vocabulary. */
@ExtendWith(TestGraph.class)
class ImporterQueryTest {
  static final Path FOLDER = Path.of("cypher/queries/importer");

  @Test
  void theEnumListsExactlyTheFilesOfTheFolder() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      Set<String> onDisk = files.map(f -> "importer/" + f.getFileName()).collect(Collectors.toSet());
      Set<String> listed = Arrays.stream(ImporterQuery.values()).map(ImporterQuery::file).collect(Collectors.toSet());
      assertThat(listed).isEqualTo(onDisk);
    }
  }

  @ParameterizedTest
  @EnumSource(ImporterQuery.class)
  void eachFileSaysWhatItDoesAndPassesExplain(ImporterQuery query, Graph graph) {
    String text = query.text();
    assertThat(text).startsWith("// ");
    assertThat(text).containsPattern("(?m)^// params: ").containsPattern("(?m)^// returns: ");
    CypherQuery explain = new CypherQuery() {
      @Override
      public String file() {
        return query.file();
      }

      @Override
      public String text() {
        return "EXPLAIN " + query.text();
      }
    };
    graph.read(explain, Map.of(), r -> r.consume());
  }

  @ParameterizedTest
  @EnumSource(ImporterQuery.class)
  void usesOnlyLabelsAndTypesTheModelDeclares(ImporterQuery query) throws IOException {
    JsonNode model = new ObjectMapper(new YAMLFactory()).readTree(Path.of("graph-model/model.yaml").toFile());
    Set<String> declared = new HashSet<>();
    declared.add(model.get("entity_label").asText());
    model.get("labels").fieldNames().forEachRemaining(declared::add);
    model.get("bookkeeping_labels").fieldNames().forEachRemaining(declared::add);
    model.get("relationships").fieldNames().forEachRemaining(declared::add);
    String code = query.text().lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
    Matcher m = Pattern.compile("(?<=[:|])([A-Z][A-Za-z_]*)").matcher(code);
    Set<String> used = new HashSet<>();
    while (m.find()) {
      used.add(m.group(1));
    }
    assertThat(used).isNotEmpty();
    assertThat(declared).containsAll(used);
  }
}
