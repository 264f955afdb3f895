package io.blastgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.InputFormats;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import io.blastgate.model.file.GraphModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The closed sets of values that api/openapi.yaml spells out are the model's (graph-model/model.yaml)
 * and the program's: labels, kinds, relationship types, statuses and criticalities, the registered
 * import formats, and the problem types of api/problems.md. A value added to one and not the other fails here.
 */
class ContractVocabularyTest {
  private static JsonNode contract;
  private static JsonNode schemas;
  private static GraphModel model;

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    contract = yaml.readTree(Path.of("api/openapi.yaml").toFile());
    schemas = contract.path("components").path("schemas");
    model = GraphModel.from(yaml.readTree(Path.of("graph-model/model.yaml").toFile()));
  }

  @Test
  void labelsAndEachLabelsKindsAreTheModels() {
    assertThat(values("Label")).containsExactlyElementsOf(Arrays.stream(Label.values()).map(Label::cypherName).toList());
    assertThat(values("IdentityKind")).containsExactlyElementsOf(model.kinds(Label.IDENTITY));
    assertThat(values("CredentialKind")).containsExactlyElementsOf(model.kinds(Label.CREDENTIAL));
    assertThat(values("WorkloadKind")).containsExactlyElementsOf(model.kinds(Label.WORKLOAD));
    assertThat(values("OwnerKind")).containsExactlyElementsOf(model.kinds(Label.OWNER));
    List<String> all = new ArrayList<>();
    Arrays.stream(Label.values()).forEach(l -> all.addAll(model.kinds(l)));
    assertThat(values("Kind")).containsExactlyElementsOf(all);
  }

  @Test
  void relationshipTypesAreTheModels() {
    List<String> declared = model.relationships().stream().map(r -> r.type().name()).toList();
    assertThat(declared).containsExactlyElementsOf(Arrays.stream(RelType.values()).map(Enum::name).toList());
    assertThat(values("Neighbour", "type")).containsExactlyElementsOf(declared);
  }

  @Test
  void eachLabelsClosedPropertiesAreTheModels() {
    assertThat(values("Identity", "status")).containsExactlyElementsOf(withNull(closed(Label.IDENTITY, "status")));
    assertThat(values("Credential", "status")).containsExactlyElementsOf(withNull(closed(Label.CREDENTIAL, "status")));
    assertThat(values("Workload", "status")).containsExactlyElementsOf(withNull(closed(Label.WORKLOAD, "status")));
    assertThat(values("Workload", "criticality")).containsExactlyElementsOf(withNull(closed(Label.WORKLOAD, "criticality")));
    assertThat(values("EntityProperties", "criticality")).containsExactlyElementsOf(withNull(closed(Label.WORKLOAD, "criticality")));
    assertThat(values("ImpactedWorkload", "criticality")).containsExactlyElementsOf(withNull(closed(Label.WORKLOAD, "criticality")));
    Set<String> statuses = new LinkedHashSet<>();
    for (Label label : Label.values()) {
      model.properties(label).stream().filter(p -> p.name().equals("status")).forEach(p -> statuses.addAll(p.values()));
    }
    assertThat(values("EntityProperties", "status")).containsExactlyInAnyOrderElementsOf(withNull(List.copyOf(statuses)));
  }

  @Test
  void anImpactedWorkloadIsNeverDecommissioned() {
    List<String> active = new ArrayList<>(closed(Label.WORKLOAD, "status"));
    active.remove("decommissioned");
    assertThat(values("ImpactedWorkload", "status")).containsExactlyElementsOf(withNull(active));
  }

  @Test
  void importFormatsAreTheRegisteredOnes() {
    List<String> registered = InputFormats.REGISTERED.stream().map(InputFormat::name).toList();
    assertThat(values("ImportReport", "format")).containsExactlyInAnyOrderElementsOf(registered);
    JsonNode parameter = null;
    for (JsonNode p : contract.path("paths").path("/api/v1/imports").path("post").path("parameters")) {
      if (p.path("name").asText().equals("format")) {
        parameter = p;
      }
    }
    assertThat(parameter).as("POST /api/v1/imports has a format parameter").isNotNull();
    List<String> named = new ArrayList<>();
    parameter.path("schema").path("enum").forEach(v -> named.add(v.asText()));
    assertThat(named).containsExactlyInAnyOrderElementsOf(registered);
  }

  /** The gate's words on the wire are the ladder's and the gate's: actions, outcomes, statuses. */
  @Test
  void theGatesWordsAreTheLaddersAndTheGates() {
    assertThat(values("ActionRequest", "action")).containsExactlyElementsOf(
        io.blastgate.gate.Actions.ladder().all().stream().map(io.blastgate.gate.Action::name).toList());
    List<String> outcomes = java.util.Arrays.stream(io.blastgate.gate.Outcome.values())
        .map(io.blastgate.gate.Outcome::wireName).toList();
    assertThat(values("Decision", "outcome")).containsExactlyElementsOf(outcomes);
    assertThat(values("DecisionReason", "outcome")).containsExactlyElementsOf(outcomes);
    // gate.md, "The words on the wire": every status a request can have.
    assertThat(values("ActionAnswer", "status")).containsExactly("pending_approval", "executing", "executed",
        "failed", "rejected", "expired", "denied", "rolled_back", "dry_run");
  }

  /** The audit's events are the program's, with the names on the wire of gate.md. */
  @Test
  void auditEventsAreThePrograms() {
    assertThat(values("AuditEvent")).containsExactlyElementsOf(
        Arrays.stream(io.blastgate.audit.AuditEvent.values()).map(io.blastgate.audit.AuditEvent::wireName).toList());
  }

  /** Health reports the program's version (the jar's, from pom.xml): the contract's, not another. */
  @Test
  void theProgramsVersionIsTheContracts() throws IOException {
    Matcher version =
        Pattern.compile("<artifactId>blastgate</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).as("pom.xml names the project's version").isTrue();
    assertThat(version.group(1)).isEqualTo(contract.path("info").path("version").asText());
  }

  @Test
  void problemTypesAreTheProgramsAndTheDocuments() throws IOException {
    List<String> program = Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList();
    assertThat(values("Problem", "type")).containsExactlyInAnyOrderElementsOf(program);
    Matcher rows = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (\\d{3}) \\| ([^|]+) \\|").matcher(Files.readString(Path.of("api/problems.md")));
    List<String> documented = new ArrayList<>();
    while (rows.find()) {
      ProblemType type =
          Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(rows.group(1))).findFirst().orElseThrow(
              () -> new AssertionError("api/problems.md documents a slug the program lacks: " + rows.group(1)));
      assertThat(Integer.parseInt(rows.group(2))).as(type.slug()).isEqualTo(type.status());
      assertThat(rows.group(3).strip()).as(type.slug()).isEqualTo(type.title());
      documented.add(type.uri());
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(program);
  }

  private static List<String> closed(Label label, String property) {
    return model.properties(label).stream()
        .filter(p -> p.name().equals(property))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static List<String> withNull(List<String> values) {
    List<String> out = new ArrayList<>(values);
    out.add(null);
    return out;
  }

  /** The enum of a schema, or of one of its properties; null stands for the YAML null. */
  private static List<String> values(String schema, String... property) {
    JsonNode node = schemas.path(schema);
    for (String p : property) {
      node = node.path("properties").path(p);
    }
    JsonNode values = node.path("enum");
    assertThat(values.isArray()).as(schema + " " + String.join(".", property) + " has an enum").isTrue();
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isNull() ? null : v.asText()));
    return out;
  }
}
