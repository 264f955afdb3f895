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
  private PluginAnswer() {}

  /** Reads the rows as they come: batches of impacted workloads, then the last row with the rest. */
  static BlastRadius read(String targetId, Result rows, int maxHops, Instant computedAt) {
    List<String> words = new ArrayList<>();
    words.add(null);
    List<OwnerRef> owners = new ArrayList<>();
    List<List<String>> teamsOfOwner = new ArrayList<>();
    List<ImpactedWorkload> impacted = new ArrayList<>();
    Value answer = null;
    while (rows.hasNext()) {
      Record row = rows.next();
      words.addAll(row.get("words").asList(Value::asString));
      for (Value o : row.get("owners").values()) {
        owners.add(new OwnerRef(o.get(0).asString(), o.get(1).asString(), o.get(2).asString("")));
        teamsOfOwner.add(List.copyOf(o.get(3).asList(Value::asString)));
      }
      Value ids = row.get("ids");
      Value names = row.get("names");
      Value codes = row.get("codes");
      int at = 0;
      for (int i = 0; i < ids.size(); i++) {
        int hops = codes.get(at++).asInt();
        String kind = words.get(codes.get(at++).asInt());
        String criticality = words.get(codes.get(at++).asInt());
        String environment = words.get(codes.get(at++).asInt());
        String status = words.get(codes.get(at++).asInt());
        int n = codes.get(at++).asInt();
        List<OwnerRef> ownedBy;
        List<String> teams;
        if (n == 0) {
          ownedBy = List.of();
          teams = List.of();
        } else if (n == 1) {
          int o = codes.get(at++).asInt();
          ownedBy = List.of(owners.get(o));
          teams = teamsOfOwner.get(o);
        } else {
          List<OwnerRef> several = new ArrayList<>(n);
          TreeSet<String> all = new TreeSet<>();
          for (int k = 0; k < n; k++) {
            int o = codes.get(at++).asInt();
            several.add(owners.get(o));
            all.addAll(teamsOfOwner.get(o));
          }
          ownedBy = List.copyOf(several);
          teams = List.copyOf(all);
        }
        impacted.add(
            new ImpactedWorkload(
                ids.get(i).asString(),
                names.get(i).asString(),
                kind == null ? "" : kind,
                hops,
                criticality,
                environment,
                status,
                ownedBy,
                teams));
      }
      if (!row.get("answer").isNull()) {
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
        answer.get("shared_secrets").asList(BlastRadiusService::sharedSecret);
    List<SourceFreshness> sources =
        answer.get("sources").asList(BlastRadiusService::sourceFreshness);
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
