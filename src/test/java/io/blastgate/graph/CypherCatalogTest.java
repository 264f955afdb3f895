package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import io.blastgate.testing.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps the Cypher files, the graph model declaration and the Java in step: every query enum of the
 * program names existing files and every file is named by one; every statement plans (EXPLAIN) on a
 * real Neo4j; headers declare exactly the parameters used; only declared labels and relationship types
 * appear; a query that names a traversal uses exactly that traversal's relationship types.
 */
@ExtendWith(TestGraph.class)
class CypherCatalogTest {
  private static final Path QUERIES = Path.of("cypher/queries");
  private static final Pattern PARAM = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern LABEL = Pattern.compile("[(\\s]\\w*\\s*:\\s*([A-Z][A-Za-z]+)");
  private static final Pattern REL_TYPE = Pattern.compile("\\[\\s*\\w*\\s*:\\s*([A-Z_|]+)");
  private static final JsonNode MODEL = readModel();

  static List<CypherQuery> programQueries() {
    List<CypherQuery> all = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.blastgate")) {
      if (c.isEnum() && c.isAssignableTo(CypherQuery.class)) {
        for (Object constant : c.reflect().getEnumConstants()) {
          all.add((CypherQuery) constant);
        }
      }
    }
    return all;
  }

  @Test
  void everyQueryEnumNamesAFileAndEveryFileIsNamed() throws IOException {
    Set<String> named = programQueries().stream().map(CypherQuery::file).collect(Collectors.toSet());
    Set<String> files;
    try (Stream<Path> walk = Files.walk(QUERIES)) {
      files =
          walk.filter(p -> p.toString().endsWith(".cypher"))
              .map(p -> QUERIES.relativize(p).toString())
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(programQueries()).isNotEmpty();
    assertThat(new TreeSet<>(named)).isEqualTo(files);
  }

  @Test
  void everyMigrationFileIsListedInOrder() throws IOException {
    try (Stream<Path> walk = Files.list(Path.of("cypher/migrations"))) {
      List<String> files = walk.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(Migrations.FILES).isEqualTo(files);
    }
  }

  @Test
  void everyStatementPlansOnARealNeo4j(Graph graph) {
    for (CypherQuery q : programQueries()) {
      graph.readTx(
          "explain " + q.queryName(),
          tx -> tx.run(new Explain(q), explainParams(q)).consume());
    }
  }

  @Test
  void headersDeclareWhatTheStatementDoesAndExactlyItsParameters() {
    for (CypherQuery q : programQueries()) {
      Header h = Header.of(q);
      assertThat(h.description()).as("description of %s", q.file()).isNotBlank();
      assertThat(h.returns()).as("returns: of %s", q.file()).isNotNull();
      assertThat(h.params()).as("params: of %s", q.file()).isEqualTo(paramsUsed(h.body()));
    }
  }

  @Test
  void onlyDeclaredLabelsAndRelationshipTypesAppear() {
    Set<String> labels = new TreeSet<>();
    MODEL.get("labels").fieldNames().forEachRemaining(labels::add);
    labels.add(MODEL.get("entity_label").asText());
    MODEL.get("bookkeeping_labels").fieldNames().forEachRemaining(labels::add);
    Set<String> types = new TreeSet<>();
    MODEL.get("relationships").fieldNames().forEachRemaining(types::add);
    for (CypherQuery q : programQueries()) {
      String body = Header.of(q).body();
      assertThat(matches(LABEL, body)).as("labels in %s", q.file()).isSubsetOf(labels);
      assertThat(matches(REL_TYPE, body)).as("types in %s", q.file()).isSubsetOf(types);
    }
  }

  @Test
  void aQueryThatNamesATraversalUsesExactlyItsTypes() {
    for (CypherQuery q : programQueries()) {
      Header h = Header.of(q);
      if (h.traversal() == null) {
        continue;
      }
      JsonNode declared = MODEL.get("traversals").get(h.traversal());
      assertThat(declared).as("traversal %s of %s is declared", h.traversal(), q.file()).isNotNull();
      Set<String> expected = new TreeSet<>();
      declared.forEach(t -> expected.add(t.asText()));
      assertThat(matches(REL_TYPE, h.body())).as("types of %s", q.file()).isEqualTo(expected);
    }
  }

  @Test
  void javaVocabularyMatchesTheModelDeclaration() {
    Set<String> labels = new TreeSet<>();
    MODEL.get("labels").fieldNames().forEachRemaining(labels::add);
    assertThat(Arrays.stream(Label.values()).map(Label::cypherName).collect(Collectors.toSet()))
        .isEqualTo(labels);
    JsonNode rels = MODEL.get("relationships");
    assertThat(Arrays.stream(RelType.values()).map(Enum::name).collect(Collectors.toSet()))
        .isEqualTo(iterable(rels.fieldNames()));
    for (RelType t : RelType.values()) {
      JsonNode d = rels.get(t.name());
      assertThat(d.get("bundle_field").asText()).isEqualTo(t.bundleField());
      assertThat(d.get("on").asText()).isEqualTo(t.from().cypherName());
      Set<String> to = new TreeSet<>();
      d.get("to").forEach(n -> to.add(n.asText()));
      assertThat(t.to().stream().map(Label::cypherName).collect(Collectors.toSet())).isEqualTo(to);
    }
  }

  private static Set<String> iterable(java.util.Iterator<String> it) {
    Set<String> out = new TreeSet<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static Set<String> matches(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      // A relationship pattern may name several types: [r:USES|OWNS].
      out.addAll(Arrays.asList(m.group(1).split("\\|")));
    }
    return out;
  }

  private static Set<String> paramsUsed(String body) {
    return matches(PARAM, body);
  }

  private static Map<String, Object> explainParams(CypherQuery q) {
    Map<String, Object> params = new HashMap<>();
    paramsUsed(Header.of(q).body()).forEach(p -> params.put(p, null));
    return params;
  }

  private static JsonNode readModel() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Path.of("graph-model/model.yaml").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A query's header lines and its body without comments. */
  record Header(String description, Set<String> params, String returns, String traversal, String body) {
    static Header of(CypherQuery q) {
      StringBuilder description = new StringBuilder();
      StringBuilder params = null;
      StringBuilder returns = null;
      String traversal = null;
      StringBuilder current = description;
      StringBuilder body = new StringBuilder();
      for (String line : q.text().split("\n")) {
        String s = line.strip();
        if (!s.startsWith("//")) {
          body.append(line).append('\n');
          continue;
        }
        String c = s.substring(2).strip();
        if (c.startsWith("params:")) {
          params = new StringBuilder(c.substring("params:".length()));
          current = params;
        } else if (c.startsWith("returns:")) {
          returns = new StringBuilder(c.substring("returns:".length()));
          current = returns;
        } else if (c.startsWith("traversal:")) {
          traversal = c.substring("traversal:".length()).strip();
          current = new StringBuilder();
        } else {
          // A line without a keyword continues the one before it.
          current.append(' ').append(c);
        }
      }
      return new Header(
          description.toString().strip(),
          params == null ? null : names(params.toString()),
          returns == null ? null : returns.toString().strip(),
          traversal,
          body.toString());
    }

    /** "rows (list of {id, props}), source": the names, without the notes on their types. */
    private static Set<String> names(String declared) {
      String v = declared.strip();
      if (v.equals("(none)")) {
        return Set.of();
      }
      return Arrays.stream(v.replaceAll("\\([^)]*\\)", "").split(","))
          .map(String::strip)
          .filter(n -> !n.isEmpty())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The same statement prefixed with EXPLAIN: planned, never run. */
  private record Explain(CypherQuery query) implements CypherQuery {
    @Override
    public String file() {
      return query.file();
    }

    @Override
    public String text() {
      return "EXPLAIN " + Header.of(query).body();
    }
  }
}
