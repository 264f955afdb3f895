package io.blastgate.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.blastgate.model.RelType;
import io.blastgate.model.Traversal;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.RelationshipType;

/**
 * The relationship types the plugin walks are the model's: for each traversal the walk follows, the
 * types {@link Schema} converted are exactly those that {@code graph-model/model.yaml} declares under
 * the traversal's name (read here from the file itself), and the plugin names no relationship type
 * but through them.
 */
class PluginTraversalsTest {
  private static final JsonNode MODEL = readModel();
  private static final Path SOURCES = Path.of("src/main/java/io/blastgate/plugin");
  /** A string literal that could name a relationship type (model.yaml spells them in capitals). */
  private static final Pattern TYPE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

  @Test
  void theWalkFollowsEachTraversalByExactlyTheTypesTheModelDeclares() {
    for (Traversal traversal : Traversal.values()) {
      List<String> walked = names(Schema.walked(traversal));
      if (walked.isEmpty()) {
        continue;
      }
      JsonNode declared = MODEL.get("traversals").get(traversal.modelName());
      assertThat(declared).as("model.yaml declares traversal %s", traversal.modelName()).isNotNull();
      List<String> expected = new ArrayList<>();
      declared.forEach(t -> expected.add(t.asText()));
      assertThat(walked)
          .as("the types the plugin walks for %s", traversal.modelName())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theWalkFollowsEveryTraversalOfTheBlastRadius() {
    Set<Traversal> walked = EnumSet.noneOf(Traversal.class);
    for (Traversal traversal : Traversal.values()) {
      if (!Schema.walked(traversal).isEmpty()) {
        walked.add(traversal);
      }
    }
    // neighbours is the entities feature's, not the blast radius's.
    assertThat(walked).isEqualTo(EnumSet.complementOf(EnumSet.of(Traversal.NEIGHBOURS)));
  }

  @Test
  void everyRelationshipTypeOfSchemaIsDeclaredAndWalkedForATraversal() throws IllegalAccessException {
    Set<String> declared = new TreeSet<>();
    MODEL.get("relationships").fieldNames().forEachRemaining(declared::add);
    List<RelationshipType> walked = new ArrayList<>();
    for (Traversal traversal : Traversal.values()) {
      walked.addAll(Schema.walked(traversal));
    }
    List<RelationshipType> fields = relationshipTypeFields();
    assertThat(fields).isNotEmpty();
    for (RelationshipType type : fields) {
      assertThat(declared).as("model.yaml declares %s", type.name()).contains(type.name());
      // The very object: a type made by hand beside the traversals' is not one of theirs.
      assertThat(walked.stream().anyMatch(w -> w == type))
          .as("%s is walked for a traversal", type.name())
          .isTrue();
    }
  }

  @Test
  void onlySchemaNamesRelationshipTypes() {
    noClasses()
        .that()
        .resideInAPackage("io.blastgate.plugin")
        .and()
        .doNotHaveSimpleName("Schema")
        .should()
        .callMethod(RelationshipType.class, "withName", String.class)
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(RelType.class)
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.blastgate.plugin"));
  }

  @Test
  void noPluginSourceSpellsAnUndeclaredRelationshipType() throws IOException {
    Set<String> declared = new TreeSet<>();
    MODEL.get("relationships").fieldNames().forEachRemaining(declared::add);
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = TYPE_LITERAL.matcher(Files.readString(file));
        while (m.find()) {
          assertThat(declared).as("%s in %s", m.group(1), file).contains(m.group(1));
        }
      }
    }
  }

  /** Every relationship type that a static field of Schema holds, alone or in an array. */
  private static List<RelationshipType> relationshipTypeFields() throws IllegalAccessException {
    List<RelationshipType> out = new ArrayList<>();
    for (Field f : Schema.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      if (f.getType() == RelationshipType.class) {
        out.add((RelationshipType) f.get(null));
      } else if (f.getType() == RelationshipType[].class) {
        out.addAll(Arrays.asList((RelationshipType[]) f.get(null)));
      }
    }
    return out;
  }

  private static List<String> names(List<RelationshipType> types) {
    return types.stream().map(RelationshipType::name).toList();
  }

  private static JsonNode readModel() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Path.of("graph-model/model.yaml").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
