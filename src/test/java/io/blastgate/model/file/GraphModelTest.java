package io.blastgate.model.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import io.blastgate.model.Traversal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model file of the repository, read as the program reads it, and held to the Java vocabulary. */
class GraphModelTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode file() throws IOException {
    return YAML.readTree(Path.of("graph-model/model.yaml").toFile());
  }

  @Test
  void theFileOnTheClasspathIsTheRepositorysAndAgreesWithTheJava() throws IOException {
    GraphModel onDisk = GraphModel.from(file());
    GraphModel loaded = GraphModel.get();
    for (Traversal t : Traversal.values()) {
      assertThat(onDisk.traversal(t)).as(t.modelName()).isEqualTo(t.types()).isEqualTo(loaded.traversal(t));
    }
    for (Label l : Label.values()) {
      assertThat(loaded.kinds(l)).isEqualTo(onDisk.kinds(l)).isNotEmpty();
      assertThat(loaded.properties(l)).isEqualTo(onDisk.properties(l));
    }
    assertThat(onDisk.relationship(RelType.MEMBER_OF).toKind()).contains("team");
    assertThat(onDisk.relationship(RelType.OWNS).to()).isEqualTo(EnumSet.of(Label.IDENTITY, Label.CREDENTIAL, Label.WORKLOAD));
  }

  @Test
  void aTraversalThatDisagreesWithTheJavaIsRefused() throws IOException {
    JsonNode model = file();
    ((ArrayNode) model.path("traversals").path("dependants")).add("USES");
    assertThatThrownBy(() -> GraphModel.from(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("traversal dependants disagrees with Traversal.DEPENDANTS");
  }

  @Test
  void aTraversalTheJavaDoesNotKnowOrOneMissingIsRefused() throws IOException {
    JsonNode extra = file();
    ((ObjectNode) extra.path("traversals")).putArray("sideways").add("USES");
    assertThatThrownBy(() -> GraphModel.from(extra)).hasMessageContaining("traversal sideways, which Traversal lacks");

    JsonNode missing = file();
    ((ObjectNode) missing.path("traversals")).remove("ownership");
    assertThatThrownBy(() -> GraphModel.from(missing)).hasMessageContaining("does not declare traversal ownership");
  }

  @Test
  void aRelationshipThatDisagreesWithTheJavaIsRefused() throws IOException {
    JsonNode model = file();
    ((ObjectNode) model.path("relationships").path("USES")).putArray("to").add("Identity");
    assertThatThrownBy(() -> GraphModel.from(model)).hasMessageContaining("USES disagrees with RelType.USES");
    assertThat(Set.of(RelType.values())).hasSize(GraphModel.get().relationships().size());
  }
}
