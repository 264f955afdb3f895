package io.blastgate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.Suggest;
import io.blastgate.model.Label;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of one entity, without a database. */
class EntityReaderTest {
  private final EntityReader reader = new EntityReader(Vocabulary.get());

  private record Read(ParsedEntity entity, Problems problems) {}

  private Read read(Label label, String json) throws IOException {
    JsonNode node = Fixtures.JSON.readTree(json);
    Problems problems = new Problems(100);
    ParsedEntity entity = reader.read(label, 3, node, new Locations.Json(), problems);
    return new Read(entity, problems);
  }

  @Test
  void readsAValidEntityIntoTheGraphsProperties() throws IOException {
    Read r = read(Label.CREDENTIAL, """
        {"id": "cred:a", "kind": "api_token", "status": "rotated", "authenticates_as": "id:x",
         "created_at": "2026-01-04t09:00:00.5-02:30", "last_used_at": null}
        """);

    assertThat(r.problems().hasErrors()).isFalse();
    assertThat(r.entity().props()).containsOnlyKeys("kind", "status", "created_at");
    assertThat(r.entity().props().get("created_at"))
        .isEqualTo(OffsetDateTime.of(2026, 1, 4, 11, 30, 0, 500_000_000, ZoneOffset.UTC));
    assertThat(r.entity().refs()).singleElement().satisfies(ref -> {
      assertThat(ref.target()).isEqualTo("id:x");
      assertThat(ref.item()).isEqualTo(-1);
    });
  }

  @Test
  void reportsEveryProblemOfOneEntityAtItsPointer() throws IOException {
    Read r = read(Label.WORKLOAD, """
        {"id": "wl:a", "kind": "servce", "criticalty": "high", "environment": "", "tags": ["x"],
         "depends_on": ["wl:a", "wl:b", 7, "wl:b"], "uses": "cred:k", "status": true}
        """);

    assertThat(r.problems().errors()).extracting(Problems.Message::location).containsExactly(
        "/workloads/3/criticalty", "/workloads/3/tags", "/workloads/3/kind", "/workloads/3/environment",
        "/workloads/3/status", "/workloads/3/uses", "/workloads/3/depends_on/0", "/workloads/3/depends_on/2");
    assertThat(r.problems().errors()).extracting(Problems.Message::message).satisfiesExactly(
        m -> assertThat(m).isEqualTo("unknown field 'criticalty' (did you mean 'criticality'?)"),
        m -> assertThat(m).startsWith("unknown field 'tags'"),
        m -> assertThat(m).contains("unknown workload kind 'servce' (did you mean 'service'?)", "service, job"),
        m -> assertThat(m).contains("'environment' must not be empty"),
        m -> assertThat(m).isEqualTo("'status' must be a string, got a boolean"),
        m -> assertThat(m).isEqualTo("'uses' must be an array of strings, got a string"),
        m -> assertThat(m).contains("cannot depend on itself"),
        m -> assertThat(m).contains("must be a non-empty string, got a number"));
    assertThat(r.problems().warnings()).extracting(Problems.Message::location).containsExactly("/workloads/3/depends_on/3");
  }

  @Test
  void checksIdsAndRequiredFields() throws IOException {
    assertThat(read(Label.OWNER, "{\"kind\": \"team\"}").problems().errors())
        .containsExactly(new Problems.Message("/owners/3/id", "required field 'id' is missing"));
    assertThat(read(Label.OWNER, "{\"id\": \"team:\\u0007\", \"kind\": \"team\"}").problems().errors())
        .extracting(Problems.Message::message).singleElement().asString().contains("control character (U+0007)");
    assertThat(read(Label.OWNER, "{\"id\": \"" + "x".repeat(513) + "\", \"kind\": \"team\"}").problems().errors())
        .extracting(Problems.Message::message).singleElement().asString().contains("513 characters");
    assertThat(read(Label.OWNER, "{\"id\": 12, \"kind\": null}").problems().errors()).extracting(Problems.Message::message)
        .containsExactly("'id' must be a string, got a number", "required field 'kind' is missing");
    assertThat(read(Label.OWNER, "[\"team:a\"]").entity()).isNull();
  }

  @Test
  void onlyPersonsMayBeMembersAndTimestampsNeedAnOffsetAndARealDate() throws IOException {
    Read team = read(Label.OWNER, "{\"id\": \"team:a\", \"kind\": \"team\", \"member_of\": [\"team:b\"]}");
    assertThat(team.problems().errors()).extracting(Problems.Message::message).singleElement().asString()
        .contains("only owners of kind person may have 'member_of'", "team");

    Read times = read(Label.CREDENTIAL, """
        {"id": "c", "kind": "secret", "created_at": "2026-01-04 09:00:00Z", "expires_at": "2026-02-29T00:00:00Z",
         "last_used_at": "2026-01-04T09:00"}
        """);
    assertThat(times.problems().errors()).extracting(Problems.Message::message).satisfiesExactly(
        m -> assertThat(m).contains("is not an RFC 3339 timestamp"),
        m -> assertThat(m).contains("not a real date", "February 29", "2026").doesNotContain("Text '"),
        m -> assertThat(m).contains("the offset (Z or +hh:mm) is missing"));
  }

  @Test
  void suggestsOnlyWhatIsClose() {
    assertThat(Suggest.closest("dependson", List.of("depends_on", "uses"))).contains("depends_on");
    assertThat(Suggest.closest("last_used", List.of("created_at", "last_used_at"))).contains("last_used_at");
    assertThat(Suggest.closest("colour", List.of("depends_on", "uses"))).isEmpty();
    assertThat(Suggest.distance("kitten", "sitting", 10)).isEqualTo(3);
  }

  @Test
  void readsTheVocabularyFromTheModelFile() {
    Vocabulary v = Vocabulary.get();
    assertThat(v.kinds(Label.OWNER)).containsExactly("person", "team");
    assertThat(v.fields(Label.WORKLOAD).keySet())
        .containsExactlyInAnyOrder("id", "name", "kind", "criticality", "environment", "status", "repository", "repository_path", "uses", "runs_as", "depends_on");
    assertThat(v.fields(Label.CREDENTIAL).get("authenticates_as")).isInstanceOfSatisfying(Field.Reference.class,
        f -> assertThat(f.single()).isTrue());
  }
}
