package io.blastgate.blastradius;

import io.blastgate.blastradius.BlastRadius.DependentIdentity;
import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.OwnerRef;
import io.blastgate.blastradius.BlastRadius.SharedSecret;
import io.blastgate.blastradius.BlastRadius.SourceFreshness;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;

/** Reads the answer map of {@code blast-radius.cypher} (the plugin's procedure) into a {@link BlastRadius}. */
final class PluginAnswer {
  /** Positions in an impacted workload's list. */
  private static final int ID = 0, NAME = 1, KIND = 2, HOPS = 3, CRITICALITY = 4, ENVIRONMENT = 5,
      STATUS = 6, OWNER_IDS = 7;

  private PluginAnswer() {}

  private static ImpactedWorkload workload(
      Value w, Map<String, OwnerRef> owners, Map<String, List<String>> teamsOfOwner) {
    List<String> ownerIds = w.get(OWNER_IDS).asList(Value::asString);
    List<OwnerRef> ownedBy = new ArrayList<>(ownerIds.size());
    List<String> teams;
    if (ownerIds.size() == 1) {
      ownedBy.add(owners.get(ownerIds.get(0)));
      teams = teamsOfOwner.get(ownerIds.get(0));
    } else {
      TreeSet<String> all = new TreeSet<>();
      for (String id : ownerIds) {
        ownedBy.add(owners.get(id));
        all.addAll(teamsOfOwner.get(id));
      }
      teams = List.copyOf(all);
    }
    return new ImpactedWorkload(
        w.get(ID).asString(),
        w.get(NAME).asString(),
        w.get(KIND).asString(""),
        w.get(HOPS).asInt(),
        w.get(CRITICALITY).asString(null),
        w.get(ENVIRONMENT).asString(null),
        w.get(STATUS).asString(null),
        ownedBy,
        teams);
  }

  /** Reads the rows as they come: the impacted workloads, then the last row with the rest. */
  static BlastRadius read(String targetId, Result rows, int maxHops, Instant computedAt) {
    Map<String, OwnerRef> owners = new HashMap<>();
    Map<String, List<String>> teamsOfOwner = new HashMap<>();
    List<ImpactedWorkload> impacted = new ArrayList<>();
    Value answer = null;
    while (rows.hasNext()) {
      Record row = rows.next();
      Value met = row.get("owners");
      if (!met.isNull()) {
        met.asMap(v -> v)
            .forEach(
                (id, o) -> {
                  owners.put(id, new OwnerRef(id, o.get("name").asString(), o.get("kind").asString("")));
                  teamsOfOwner.put(id, o.get("teams").asList(Value::asString));
                });
      }
      Value w = row.get("workload");
      if (!w.isNull()) {
        impacted.add(workload(w, owners, teamsOfOwner));
      } else {
        answer = row.get("answer");
      }
    }
    if (answer == null || answer.isNull()) {
      throw new UnknownTargetException(targetId);
    }
    Value t = answer.get("target");
    Label label =
        Label.fromCypherName(t.get("label").asString(null))
            .orElseThrow(() -> new UnknownTargetException(targetId));
    if (label == Label.OWNER) {
      throw new NotATargetException(targetId, label.cypherName());
    }
    EntityRef target =
        new EntityRef(t.get("id").asString(), label, t.get("kind").asString(""), t.get("name").asString());
    List<DependentIdentity> dependents =
        new ArrayList<>(
            answer
                .get("dependents")
                .asList(
                    d ->
                        new DependentIdentity(
                            d.get("id").asString(),
                            d.get("name").asString(),
                            d.get("kind").asString(""),
                            d.get("depth").asInt())));
    dependents.sort(Comparator.comparingInt(DependentIdentity::depth).thenComparing(DependentIdentity::id));
    impacted.sort(Comparator.comparingInt(ImpactedWorkload::hops).thenComparing(ImpactedWorkload::id));
    List<SharedSecret> reach =
        answer
            .get("shared_secrets")
            .asList(
                s ->
                    new SharedSecret(
                        new EntityRef(
                            s.get("id").asString(),
                            Label.CREDENTIAL,
                            s.get("kind").asString(""),
                            s.get("name").asString()),
                        s.get("consumers").asList(Value::asString),
                        s.get("teams").asList(Value::asString),
                        s.get("environments").asList(Value::asString)));
    List<SourceFreshness> sources =
        answer
            .get("sources")
            .asList(
                s ->
                    new SourceFreshness(
                        s.get("source").asString(),
                        s.get("last_synced").isNull()
                            ? null
                            : s.get("last_synced").asZonedDateTime().toInstant()));
    return new BlastRadius(
        target,
        computedAt,
        maxHops,
        answer.get("truncated").asBoolean(),
        dependents,
        impacted,
        BlastRadiusService.summarise(answer.get("direct").asInt(), impacted, reach),
        reach,
        sources);
  }
}
