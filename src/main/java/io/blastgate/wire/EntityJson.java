package io.blastgate.wire;

import io.blastgate.entities.Entity;
import io.blastgate.entities.EntityDetail;
import io.blastgate.entities.Neighbour;
import io.blastgate.entities.SearchPage;
import io.blastgate.model.Containment;
import io.blastgate.model.EntityRef;
import io.blastgate.model.OwnerRef;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire shapes of the entity routes (schemas EntityDetail and SearchPage of api/openapi.yaml). */
public final class EntityJson {
  private EntityJson() {}

  public record Ref(String id, String label, String kind, String name) {
    public static Ref of(EntityRef ref) {
      return new Ref(ref.id(), ref.label().cypherName(), ref.kind(), ref.name());
    }
  }

  /** What the gate already did to an entity (schema Containment); null when nothing. */
  public record Contained(String state, String by, Instant since, Instant until) {
    public static Contained of(Containment c) {
      return c == null ? null : new Contained(c.state(), c.by(), c.since(), c.until());
    }
  }

  /** A blast radius's target: its reference and its containment (schema BlastRadiusTarget). */
  public record Target(String id, String label, String kind, String name, Contained containment) {
    public static Target of(EntityRef ref, Containment containment) {
      return new Target(ref.id(), ref.label().cypherName(), ref.kind(), ref.name(), Contained.of(containment));
    }
  }

  public record Owner(String id, String name, String kind) {
    public static Owner of(OwnerRef owner) {
      return new Owner(owner.id(), owner.name(), owner.kind());
    }
  }

  public record Near(String direction, String type, Ref entity) {
    public static Near of(Neighbour n) {
      return new Near(n.direction().name().toLowerCase(Locale.ROOT), n.type().name(), Ref.of(n.entity()));
    }
  }

  public record EntityBody(
      String id,
      String label,
      String kind,
      String name,
      Map<String, Object> properties,
      List<String> sources,
      Instant firstSeen,
      Instant lastSeen,
      Instant lastChanged) {
    public static EntityBody of(Entity e) {
      return new EntityBody(
          e.id(), e.label().cypherName(), e.kind(), e.name(), e.properties(), e.sources(), e.firstSeen(),
          e.lastSeen(), e.lastChanged());
    }
  }

  public record Detail(EntityBody entity, Contained containment, List<Owner> owners, List<Near> neighbours,
      boolean neighboursTruncated) {
    public static Detail of(EntityDetail d) {
      return new Detail(
          EntityBody.of(d.entity()),
          Contained.of(d.containment()),
          d.owners().stream().map(Owner::of).toList(),
          d.neighbours().stream().map(Near::of).toList(),
          d.neighboursTruncated());
    }
  }

  /** {@code nextOffset} is null on the last page: the contract wants it present, as null. */
  public record Page(List<Ref> items, int limit, int offset, Integer nextOffset) {
    public static Page of(SearchPage p) {
      return new Page(
          p.items().stream().map(Ref::of).toList(),
          p.limit(),
          p.offset(),
          p.nextOffset().isPresent() ? p.nextOffset().getAsInt() : null);
    }
  }
}
