package io.blastgate.wire;

import io.blastgate.blastradius.BlastRadius;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The wire shape of a blast radius (schema BlastRadius of api/openapi.yaml). Public because the command
 * line prints the very same JSON with {@code --json}.
 */
public record BlastRadiusJson(
    EntityJson.Target target,
    Instant computedAt,
    int maxHops,
    boolean truncated,
    List<Dependent> dependentIdentities,
    List<Impacted> impacted,
    Summary summary,
    List<Shared> sharedSecrets,
    List<Freshness> sources) {

  public static BlastRadiusJson of(BlastRadius br) {
    return new BlastRadiusJson(
        EntityJson.Target.of(br.target(), br.containment()),
        br.computedAt(),
        br.maxHops(),
        br.truncated(),
        br.dependentIdentities().stream()
            .map(d -> new Dependent(d.id(), d.name(), d.kind(), d.depth(), ViaStep.of(d.via())))
            .toList(),
        br.impacted().stream().map(Impacted::of).toList(),
        Summary.of(br.summary()),
        br.sharedSecrets().stream().map(Shared::of).toList(),
        br.sources().stream().map(s -> new Freshness(s.source(), s.lastSynced())).toList());
  }

  public record Dependent(String id, String name, String kind, int depth, List<ViaStep> via) {}

  /**
   * One step of a via: the entity, and the relationship joining it to the step before, with the way
   * it points (both null on the first step, the target).
   */
  public record ViaStep(String id, String name, String label, String relationship, String direction) {
    static List<ViaStep> of(List<BlastRadius.Step> via) {
      return via.stream()
          .map(
              s ->
                  new ViaStep(
                      s.id(),
                      s.name(),
                      s.label().cypherName(),
                      s.relationship() == null ? null : s.relationship().name(),
                      s.direction() == null ? null : s.direction().name().toLowerCase(Locale.ROOT)))
          .toList();
    }
  }

  public record Impacted(
      String id,
      String name,
      String kind,
      int hops,
      String criticality,
      String environment,
      String status,
      List<EntityJson.Owner> owners,
      List<String> teams,
      boolean unowned,
      List<ViaStep> via) {
    public static Impacted of(BlastRadius.ImpactedWorkload w) {
      return new Impacted(
          w.id(),
          w.name(),
          w.kind(),
          w.hops(),
          w.criticality(),
          w.environment(),
          w.status(),
          w.owners().stream().map(o -> new EntityJson.Owner(o.id(), o.name(), o.kind())).toList(),
          w.teams(),
          w.unowned(),
          ViaStep.of(w.via()));
    }
  }

  public record Criticality(int critical, int high, int medium, int low, int unknown) {}

  public record Summary(
      int direct,
      int total,
      Integer deepestHops,
      Criticality byCriticality,
      int unowned,
      List<String> teams,
      List<String> environments,
      boolean sharedSecret) {
    public static Summary of(BlastRadius.Summary s) {
      var c = s.byCriticality();
      return new Summary(
          s.direct(),
          s.total(),
          s.deepestHops(),
          new Criticality(c.critical(), c.high(), c.medium(), c.low(), c.unknown()),
          s.unowned(),
          s.teams(),
          s.environments(),
          s.sharedSecret());
    }
  }

  public record Shared(
      EntityJson.Ref credential,
      List<String> consumers,
      int consumerCount,
      boolean shared,
      List<String> teams,
      List<String> environments) {
    public static Shared of(BlastRadius.SharedSecret s) {
      return new Shared(
          EntityJson.Ref.of(s.credential()),
          s.consumers(),
          s.consumerCount(),
          s.shared(),
          s.teams(),
          s.environments());
    }
  }

  public record Freshness(String source, Instant lastSynced) {}
}
