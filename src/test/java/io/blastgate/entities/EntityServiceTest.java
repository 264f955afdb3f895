package io.blastgate.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.blastgate.graph.Graph;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.OwnerRef;
import io.blastgate.model.RelType;
import io.blastgate.testing.Seed;
import io.blastgate.testing.TestGraph;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGraph.class)
class EntityServiceTest {
  private EntityService service;

  @BeforeEach
  void seed(Graph graph) {
    Seed.ENTITIES.writeTo(graph);
    service = new EntityService(graph);
  }

  @Test
  void lookupGivesPropertiesProvenanceOwnersAndNeighboursInBothDirections() {
    EntityDetail detail = service.lookup("cred:stripe-key").orElseThrow();

    Entity e = detail.entity();
    assertThat(e.label()).isEqualTo(Label.CREDENTIAL);
    assertThat(e.kind()).isEqualTo("api_token");
    assertThat(e.name()).isEqualTo("Stripe API key");
    assertThat(e.sources()).containsExactly("payments-inventory");
    assertThat(e.firstSeen()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
    assertThat(e.lastSeen()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
    // Exactly the properties the model declares for Credential; one the source did not give is null.
    assertThat(e.properties())
        .containsOnlyKeys("status", "created_at", "expires_at", "last_used_at")
        .containsEntry("status", "active")
        .containsEntry("created_at", Instant.parse("2026-01-04T09:00:00Z"))
        .containsEntry("expires_at", null);

    assertThat(detail.owners()).containsExactly(new OwnerRef("team:payments", "Payments", "team"));
    assertThat(detail.neighbours())
        .extracting(n -> n.direction(), n -> n.type(), n -> n.entity().id())
        .containsExactly(
            tuple(Neighbour.Direction.OUT, RelType.AUTHENTICATES_AS, "id:stripe-sa"),
            tuple(Neighbour.Direction.IN, RelType.OWNS, "team:payments"),
            tuple(Neighbour.Direction.IN, RelType.USES, "wl:checkout"),
            tuple(Neighbour.Direction.IN, RelType.USES, "wl:refunds"));
    assertThat(detail.neighbours().get(0).entity())
        .isEqualTo(new EntityRef("id:stripe-sa", Label.IDENTITY, "service_account", "stripe service account"));
    assertThat(detail.neighboursTruncated()).isFalse();
  }

  @Test
  void listPropertiesStayListsAndOwnersOfAnOwnerAreNone() {
    assertThat(service.lookup("id:stripe-sa").orElseThrow().entity().properties())
        .containsEntry("tags", List.of("protected"));
    EntityDetail ana = service.lookup("person:ana").orElseThrow();
    assertThat(ana.owners()).isEmpty();
    assertThat(ana.entity().properties()).containsOnlyKeys("email", "oncall").containsEntry("oncall", null);
    assertThat(ana.neighbours())
        .extracting(n -> n.direction(), n -> n.type(), n -> n.entity().id())
        .containsExactly(tuple(Neighbour.Direction.OUT, RelType.MEMBER_OF, "team:payments"));
  }

  @Test
  void neighboursAreCutAtTheCapAndSaySo(Graph graph) {
    EntityDetail detail = new EntityService(graph, 2).lookup("team:payments").orElseThrow();
    // team:payments has four neighbours: OWNS checkout, refunds, stripe-key; ana MEMBER_OF it.
    assertThat(detail.neighbours()).hasSize(2);
    assertThat(detail.neighboursTruncated()).isTrue();
    assertThat(new EntityService(graph, 4).lookup("team:payments").orElseThrow().neighboursTruncated())
        .isFalse();
  }

  @Test
  void anUnknownIdIsEmpty() {
    assertThat(service.lookup("cred:stripe-kye")).isEmpty();
  }

  @Test
  void searchFindsByWordPrefixesInAnyOrderAndCase() {
    assertThat(ids(service.search("stripe key", Optional.empty(), 50, 0)))
        .containsExactly("cred:stripe-key");
    assertThat(ids(service.search("KEY Strip", Optional.empty(), 50, 0)))
        .containsExactly("cred:stripe-key");
    assertThat(ids(service.search("stripe", Optional.empty(), 50, 0)))
        .containsExactlyInAnyOrder(
            "cred:stripe-key", "cred:stripe-webhook-secret", "id:stripe-sa", "wl:stripe-webhooks");
    assertThat(ids(service.search("nothing-like-this", Optional.empty(), 50, 0))).isEmpty();
  }

  @Test
  void searchByIdPutsTheExactIdFirstAndFindsIdFragments() {
    assertThat(ids(service.search("wl:checkout", Optional.empty(), 50, 0))).first().isEqualTo("wl:checkout");
    assertThat(ids(service.search("wl:check", Optional.empty(), 50, 0))).containsExactly("wl:checkout");
    assertThat(ids(service.search("stripe-webhook", Optional.empty(), 50, 0)))
        .containsExactlyInAnyOrder("cred:stripe-webhook-secret", "wl:stripe-webhooks");
  }

  @Test
  void searchRespectsLabel() {
    assertThat(ids(service.search("stripe", Optional.of(Label.IDENTITY), 50, 0)))
        .containsExactly("id:stripe-sa");
    assertThat(ids(service.search("stripe", Optional.of(Label.CREDENTIAL), 50, 0)))
        .containsExactlyInAnyOrder("cred:stripe-key", "cred:stripe-webhook-secret");
    assertThat(ids(service.search("wl:checkout", Optional.of(Label.OWNER), 50, 0))).isEmpty();
  }

  @Test
  void searchPagesWithoutGapsOrRepeats() {
    List<String> all = ids(service.search("stripe", Optional.empty(), 50, 0));
    SearchPage first = service.search("stripe", Optional.empty(), 3, 0);
    SearchPage second = service.search("stripe", Optional.empty(), 3, 3);
    assertThat(first.items()).hasSize(3);
    assertThat(first.nextOffset()).hasValue(3);
    assertThat(second.items()).hasSize(1);
    assertThat(second.nextOffset()).isEmpty();
    assertThat(concat(ids(first), ids(second))).containsExactlyElementsOf(all);
    assertThat(service.search("stripe", Optional.empty(), 4, 0).nextOffset()).isEmpty();
  }

  @Test
  void luceneSyntaxInTheTextIsJustText() {
    for (String text :
        List.of("\"a:b* OR (x~", "\\", "*", "?", "stripe AND", "NOT", "title:[a TO z]", "/regex/", "&&||!", "a^2")) {
      assertThat(service.search(text, Optional.empty(), 50, 0).items()).as(text).isEmpty();
    }
    // Operators are words: "OR" does not widen the search to everything.
    assertThat(ids(service.search("stripe OR checkout", Optional.empty(), 50, 0))).isEmpty();
  }

  private static List<String> ids(SearchPage page) {
    return page.items().stream().map(EntityRef::id).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
