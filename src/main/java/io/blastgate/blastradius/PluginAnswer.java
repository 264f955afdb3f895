package io.blastgate.blastradius;

import io.blastgate.blastradius.BlastRadius.DependentIdentity;
import io.blastgate.blastradius.BlastRadius.ImpactedWorkload;
import io.blastgate.blastradius.BlastRadius.SharedSecret;
import io.blastgate.blastradius.BlastRadius.SourceFreshness;
import io.blastgate.error.BlastgateException.NotATarget;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.graph.Row;
import io.blastgate.model.EntityRef;
import io.blastgate.model.Label;
import io.blastgate.model.OwnerRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Reads the answer map of {@code blast-radius.cypher} (the plugin's procedure) into a {@link BlastRadius}. */
final class PluginAnswer {
  private PluginAnswer() {}

  /** Reads the rows as they come: batches of impacted workloads, then the last row with the rest. */
  static BlastRadius read(String targetId, Iterator<Row> rows, int maxHops, Instant computedAt) {
    List<String> words = new ArrayList<>();
    words.add(null);
    List<OwnerRef> owners = new ArrayList<>();
    List<List<String>> teamsOfOwner = new ArrayList<>();
    List<ImpactedWorkload> impacted = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    Row answer = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      words.addAll(row.texts("words"));
      for (Object o : row.list("owners")) {
        List<?> owner = (List<?>) o;
        String kind = (String) owner.get(2);
        owners.add(new OwnerRef((String) owner.get(0), (String) owner.get(1), kind == null ? "" : kind));
        teamsOfOwner.add(((List<?>) owner.get(3)).stream().map(String.class::cast).toList());
      }
      List<String> ids = row.texts("ids");
      List<String> names = row.texts("names");
      parents.addAll(row.texts("parents"));
      List<Long> codes = row.numbers("codes");
      int at = 0;
      for (int i = 0; i < ids.size(); i++) {
        int hops = codes.get(at++).intValue();
        String kind = words.get(codes.get(at++).intValue());
        String criticality = words.get(codes.get(at++).intValue());
        String environment = words.get(codes.get(at++).intValue());
        String status = words.get(codes.get(at++).intValue());
        int n = codes.get(at++).intValue();
        List<OwnerRef> ownedBy;
        List<String> teams;
        if (n == 0) {
          ownedBy = List.of();
          teams = List.of();
        } else if (n == 1) {
          int o = codes.get(at++).intValue();
          ownedBy = List.of(owners.get(o));
          teams = teamsOfOwner.get(o);
        } else {
          List<OwnerRef> several = new ArrayList<>(n);
          TreeSet<String> all = new TreeSet<>();
          for (int k = 0; k < n; k++) {
            int o = codes.get(at++).intValue();
            several.add(owners.get(o));
            all.addAll(teamsOfOwner.get(o));
          }
          ownedBy = List.copyOf(several);
          teams = List.copyOf(all);
        }
        impacted.add(
            new ImpactedWorkload(
                ids.get(i),
                names.get(i),
                kind == null ? "" : kind,
                hops,
                criticality,
                environment,
                status,
                ownedBy,
                teams,
                List.of()));
      }
      if (row.has("answer")) {
        answer = row.row("answer");
      }
    }
    if (answer == null) {
      throw new UnknownEntity(targetId);
    }
    Row t = answer.row("target");
    Label label =
        Label.fromCypherName(t.textOrNull("label")).orElseThrow(() -> new UnknownEntity(targetId));
    if (label == Label.OWNER) {
      throw new NotATarget(targetId, label.cypherName());
    }
    EntityRef target = new EntityRef(t.text("id"), label, t.textOr("kind", ""), t.text("name"));
    ViaPaths via = new ViaPaths(target);
    for (Row d : answer.rows("dependents")) {
      via.met(d.text("id"), d.text("name"), Label.IDENTITY, d.text("parent"));
    }
    for (Row c : answer.rows("via_credentials")) {
      via.met(c.text("id"), c.text("name"), Label.CREDENTIAL, c.text("parent"));
    }
    for (int i = 0; i < impacted.size(); i++) {
      String parent = parents.get(i);
      via.met(impacted.get(i).id(), impacted.get(i).name(), Label.WORKLOAD, parent.isEmpty() ? null : parent);
    }
    List<DependentIdentity> dependents = new ArrayList<>();
    for (Row d : answer.rows("dependents")) {
      dependents.add(
          new DependentIdentity(
              d.text("id"), d.text("name"), d.textOr("kind", ""), d.integer("depth"), via.of(d.text("id"))));
    }
    dependents.sort(Comparator.comparingInt(DependentIdentity::depth).thenComparing(DependentIdentity::id));
    List<ImpactedWorkload> explained = new ArrayList<>(impacted.size());
    for (ImpactedWorkload w : impacted) {
      explained.add(
          new ImpactedWorkload(
              w.id(), w.name(), w.kind(), w.hops(), w.criticality(), w.environment(), w.status(),
              w.owners(), w.teams(), via.of(w.id())));
    }
    impacted = explained;
    impacted.sort(Comparator.comparingInt(ImpactedWorkload::hops).thenComparing(ImpactedWorkload::id));
    List<SharedSecret> reach =
        answer.rows("shared_secrets").stream().map(BlastRadiusService::sharedSecret).toList();
    List<SourceFreshness> sources =
        answer.rows("sources").stream().map(BlastRadiusService::sourceFreshness).toList();
    return new BlastRadius(
        target,
        computedAt,
        maxHops,
        answer.flag("truncated"),
        dependents,
        impacted,
        BlastRadiusService.summarise(answer.integer("direct"), impacted, reach),
        reach,
        sources,
        null);
  }
}
