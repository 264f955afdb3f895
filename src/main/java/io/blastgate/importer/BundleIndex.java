package io.blastgate.importer;

import io.blastgate.graph.Graph;
import io.blastgate.importer.EntityLookup.GraphEntity;
import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.model.Label;
import io.blastgate.model.file.GraphModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the first pass keeps of a bundle, and no more: each id with its label, kind and position, and
 * the references that could not be resolved yet when they were read. At the end it resolves those
 * against the bundle and then against the graph, in batches, and checks that no id of the bundle
 * names an entity of another label in the graph.
 */
final class BundleIndex {
  /** What the source's last run stated about an id of the bundle, by digest ({@link ContentHash}). */
  enum Before {
    /** Nothing: the source did not assert this entity. */
    NOTHING,
    /** The same: the digests are equal. */
    THE_SAME,
    /** Something else (or an entity written before digests were kept). */
    SOMETHING_ELSE
  }

  /**
   * An id of the bundle: its label, kind and position, the digest of what the bundle states about it
   * and how many relationships it states; {@code inGraph}: the graph held it when {@link #resolve}
   * looked; {@code before}: what the source stated about it before ({@link ChangePlan}).
   */
  private static final class Seen {
    final Label label;
    final String kind;
    final long position;
    final String digest;
    final int refs;
    boolean inGraph;
    Before before = Before.NOTHING;

    Seen(Label label, String kind, long position, String digest, int refs) {
      this.label = label;
      this.kind = kind;
      this.position = position;
      this.digest = digest;
      this.refs = refs;
    }

    Label label() {
      return label;
    }

    String kind() {
      return kind;
    }

    long position() {
      return position;
    }
  }

  private record Pending(String target, GraphModel.Relationship rel, Label label, long position, int item) {}

  private final Locations where;
  private final Problems problems;
  private final Map<String, Seen> ids = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();

  BundleIndex(Locations where, Problems problems) {
    this.where = where;
    this.problems = problems;
  }

  /** Takes in one entity read by the first pass. */
  void add(ParsedEntity entity) {
    if (entity.id() != null) {
      register(entity);
    }
    for (ParsedEntity.Ref ref : entity.refs()) {
      Seen target = ids.get(ref.target());
      if (target != null) {
        check(ref.target(), ref.rel(), entity.label(), entity.position(), ref.item(), target.label(), target.kind());
      } else {
        pending.add(new Pending(ref.target(), ref.rel(), entity.label(), entity.position(), ref.item()));
      }
    }
  }

  /**
   * Whether an id is one of this bundle's that the graph did not hold when {@link #resolve} looked:
   * the importer creates such a node, and every relationship touching it, without looking first.
   */
  boolean isNew(String id) {
    Seen seen = ids.get(id);
    return seen != null && !seen.inGraph;
  }

  /**
   * After another import created ids of this bundle meanwhile: every id is taken as one the graph may
   * hold, so that nothing is created without looking first.
   */
  void assumeAllInGraph() {
    ids.values().forEach(seen -> seen.inGraph = true);
  }

  /** The digest of what the bundle states about one of its ids. */
  String digest(String id) {
    return ids.get(id).digest;
  }

  /** What the source stated before about one of the bundle's ids. */
  Before before(String id) {
    return ids.get(id).before;
  }

  /**
   * Takes in what the source stated before about {@code id} (its digest, null if unknown); false if
   * the bundle does not hold the id (the source no longer asserts it).
   */
  boolean compareWithBefore(String id, String digestBefore) {
    Seen seen = ids.get(id);
    if (seen == null) {
      return false;
    }
    seen.before = digestBefore != null && digestBefore.equals(seen.digest) ? Before.THE_SAME : Before.SOMETHING_ELSE;
    return true;
  }

  /** Entities, and the relationships they state, that are new or stated otherwise than before. */
  long[] changedEntitiesAndRelationships() {
    long[] changed = {0, 0};
    for (Seen seen : ids.values()) {
      if (seen.before != Before.THE_SAME) {
        changed[0]++;
        changed[1] += seen.refs;
      }
    }
    return changed;
  }

  int size() {
    return ids.size();
  }

  private void register(ParsedEntity entity) {
    Seen now = new Seen(entity.label(), entity.kind(), entity.position(),
        entity.valid() ? ContentHash.of(entity) : "", entity.refs().size());
    Seen first = ids.putIfAbsent(entity.id(), now);
    if (first == null) {
      return;
    }
    String firstAt = where.of(first.label(), first.position(), "id", -1);
    String nowAt = where.of(now.label(), now.position(), "id", -1);
    String id = entity.id();
    if (first.label() == now.label()) {
      error(now, "id '" + id + "' is used twice in '" + now.label().section() + "' (also at " + firstAt
          + "); an id names one entity");
      error(first, "id '" + id + "' is used twice in '" + now.label().section() + "' (also at " + nowAt
          + "); an id names one entity");
    } else {
      String both = "id '" + id + "' is used by " + EntityReader.withArticle(first.label()) + " and by "
          + EntityReader.withArticle(now.label());
      error(now, both + " (also at " + firstAt + "); an id names one entity, whatever its label");
      error(first, both + " (also at " + nowAt + "); an id names one entity, whatever its label");
    }
  }

  /**
   * Resolves the references left over against the bundle, then everything against the graph. {@code
   * source} is the bundle's source (null if invalid): a reference to something only an earlier run of
   * the same source asserted would vanish in this run's sync, so it does not count as existing.
   */
  void resolve(Graph graph, int batchSize, String source) {
    resolve(EntityLookup.in(graph), batchSize, source);
  }

  /** As {@link #resolve(Graph, int, String)}, looking ids up beyond the bundle in {@code lookup}. */
  void resolve(EntityLookup lookup, int batchSize, String source) {
    Set<String> unknown = new LinkedHashSet<>();
    List<Pending> outside = new ArrayList<>();
    for (Pending p : pending) {
      Seen target = ids.get(p.target());
      if (target != null) {
        check(p.target(), p.rel(), p.label(), p.position(), p.item(), target.label(), target.kind());
      } else {
        unknown.add(p.target());
        outside.add(p);
      }
    }
    pending.clear();
    checkAgainstGraph(lookup, batchSize);
    Map<String, GraphEntity> found = lookup.findAll(unknown, batchSize);
    for (Pending p : outside) {
      GraphEntity target = found.get(p.target());
      if (target == null) {
        error(p, "'" + p.target() + "' exists nowhere: no entity in this bundle or in the graph has this id ('"
            + p.rel().bundleField() + "' must point to " + targets(p.rel()) + ")");
      } else if (source != null && target.sources().equals(List.of(source))) {
        error(p, "'" + p.target() + "' exists only through an earlier import of source '" + source
            + "', which this import replaces; add it to this bundle or remove the reference");
      } else if (target.label().isEmpty()) {
        error(p, "'" + p.target() + "' is in the graph but is no " + "Identity, Credential, Workload or Owner");
      } else {
        check(p.target(), p.rel(), p.label(), p.position(), p.item(), target.label().get(), target.kind());
      }
    }
  }

  /**
   * An id of the bundle that the graph already holds under another label is an error. Ids that the
   * source stated exactly so before ({@link ChangePlan}, which runs first) are known to be there.
   */
  private void checkAgainstGraph(EntityLookup lookup, int batchSize) {
    List<String> batch = new ArrayList<>(batchSize);
    for (Map.Entry<String, Seen> entry : ids.entrySet()) {
      if (entry.getValue().before == Before.THE_SAME) {
        // The source's last run stated it, label and all, exactly so: it is in the graph, under this label.
        entry.getValue().inGraph = true;
        continue;
      }
      batch.add(entry.getKey());
      if (batch.size() == batchSize) {
        conflicts(lookup.findBatch(batch));
        batch.clear();
      }
    }
    conflicts(lookup.findBatch(batch));
  }

  private void conflicts(Map<String, GraphEntity> found) {
    found.forEach(
        (id, existing) -> {
          Seen seen = ids.get(id);
          if (seen == null) {
            // The graph matched an id that no entity here has as written: text that does not survive
            // the trip to the database unchanged (a lone surrogate arrives as '?'). Readers refuse such
            // text; should one not, refuse the import rather than merge two entities silently.
            problems.error(Problems.TOP, "", "an id of this input reached the graph altered, as '" + id
                + "' (is every id valid Unicode text?); nothing was written");
            return;
          }
          seen.inGraph = true;
          if (existing.label().isPresent() && existing.label().get() == seen.label()) {
            return;
          }
          String what = existing.label().map(EntityReader::withArticle).orElse("a node of no model label");
          error(seen, "id '" + id + "' already names " + what + " in the graph"
              + (existing.sources().isEmpty() ? "" : " (from source " + String.join(", ", existing.sources()) + ")")
              + "; an id names one entity, whatever its label");
        });
  }

  private void check(String target, GraphModel.Relationship rel, Label label, long position, int item, Label targetLabel, String targetKind) {
    String at = where.of(label, position, rel.bundleField(), item);
    long order = where.order(label, position);
    if (!rel.to().contains(targetLabel)) {
      problems.error(order, at, "'" + target + "' is " + EntityReader.withArticle(targetLabel) + "; '"
          + rel.bundleField() + "' must point to " + targets(rel));
    } else if (rel.toKind().isPresent() && targetKind != null && !rel.toKind().get().equals(targetKind)) {
      problems.error(order, at, "'" + target + "' is a " + targetKind + "; '" + rel.bundleField()
          + "' must point to " + targets(rel));
    }
  }

  private static String targets(GraphModel.Relationship rel) {
    List<String> names =
        rel.to().stream().sorted().map(EntityReader::withArticle).collect(Collectors.toList());
    String list = names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    return rel.toKind().map(k -> list + " of kind " + k).orElse(list);
  }

  private void error(Seen seen, String message) {
    problems.error(where.order(seen.label(), seen.position()), where.of(seen.label(), seen.position(), "id", -1), message);
  }

  private void error(Pending p, String message) {
    problems.error(where.order(p.label(), p.position()), where.of(p.label(), p.position(), p.rel().bundleField(), p.item()), message);
  }
}
