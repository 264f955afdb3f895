package io.blastgate.plugin;

import io.blastgate.model.BlastRadiusRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of one answer in the compact form that {@code blast-radius.cypher} describes: a batch of
 * impacted workloads per row, each as codes, with the words (kinds, criticalities, environments,
 * statuses) and the owners numbered the first time a row carries them, so that an answer of tens of
 * thousands of workloads repeats neither.
 */
final class CompactRows {
  /** Impacted workloads per row, at most. */
  static final int BATCH = 256;

  /** The number of a node that is no Owner. */
  static final int NOT_AN_OWNER = -1;

  private final StoreReads store;
  /** The number of each owner met, by its node; NOT_AN_OWNER for a node that is no Owner. */
  private final Map<Long, Integer> ownerNumbers = new HashMap<>();
  private final List<String> ownerIds = new ArrayList<>();
  private final List<List<String>> ownerTeams = new ArrayList<>();
  /** The number of each word sent (kinds, criticalities, environments, statuses). */
  private final Map<String, Long> wordNumbers = new HashMap<>();
  /** The import sources that assert a workload or an owner of the answer. */
  private final Set<String> sources = new TreeSet<>();
  /** What the next row carries. */
  private List<String> ids = new ArrayList<>();
  private List<String> names = new ArrayList<>();
  private List<String> parents = new ArrayList<>();
  private List<Long> codes = new ArrayList<>();
  private List<String> newWords = new ArrayList<>();
  private List<List<Object>> newOwners = new ArrayList<>();

  CompactRows(StoreReads store) {
    this.store = store;
  }

  boolean full() {
    return ids.size() >= BATCH;
  }

  boolean isEmpty() {
    return ids.isEmpty();
  }

  /**
   * An impacted workload into the next row: its properties ({@link StoreReads#workload}), its hops, the
   * numbers of its owners, which this sorts by owner id, and the parent of its via ("" for none).
   */
  void add(Object[] p, int hops, List<Integer> owned, String parent) {
    String id = (String) p[StoreReads.ID];
    ids.add(id);
    names.add(p[StoreReads.NAME] instanceof String name ? name : id);
    parents.add(parent);
    CoreApiReads.addSources(p[StoreReads.SOURCES], sources);
    codes.add((long) hops);
    codes.add(word(p[StoreReads.KIND]));
    codes.add(word(p[StoreReads.CRITICALITY]));
    codes.add(word(p[StoreReads.ENVIRONMENT]));
    codes.add(word(p[StoreReads.STATUS]));
    codes.add((long) owned.size());
    if (owned.size() > 1) {
      owned.sort(Comparator.comparing(ownerIds::get));
    }
    for (int number : owned) {
      codes.add((long) number);
    }
  }

  /** The next row, with what was added since the last one. */
  BlastRadiusProcedure.Row take() {
    var row = new BlastRadiusProcedure.Row(ids, names, parents, codes, newWords, newOwners, null);
    ids = new ArrayList<>();
    names = new ArrayList<>();
    parents = new ArrayList<>();
    codes = new ArrayList<>();
    newWords = new ArrayList<>();
    newOwners = new ArrayList<>();
    return row;
  }

  /** A word's number, sent with the next row the first time it is used; null is 0. */
  private long word(Object value) {
    if (!(value instanceof String text)) {
      return 0;
    }
    Long number = wordNumbers.get(text);
    if (number == null) {
      number = (long) wordNumbers.size() + 1;
      wordNumbers.put(text, number);
      newWords.add(text);
    }
    return number;
  }

  /**
   * An owner's number; on first meeting, its id, name, kind and teams (as {@link BlastRadiusRules}
   * says: a team's are itself, a person's the teams it is a member of) go out with the next row.
   * NOT_AN_OWNER for a node without the label.
   */
  int owner(long ref) {
    Integer known = ownerNumbers.get(ref);
    if (known != null) {
      return known;
    }
    Object[] p = store.owner(ref);
    if (p == null || !(p[StoreReads.ID] instanceof String id)) {
      ownerNumbers.put(ref, NOT_AN_OWNER);
      return NOT_AN_OWNER;
    }
    Object kind = p[StoreReads.KIND];
    List<String> teams =
        BlastRadiusRules.TEAM.equals(kind)
            ? List.of(id)
            : BlastRadiusRules.PERSON.equals(kind)
                ? store.teamsOf(ref).stream().sorted().distinct().toList()
                : List.of();
    CoreApiReads.addSources(p[StoreReads.OWNER_SOURCES], sources);
    int number = ownerIds.size();
    ownerIds.add(id);
    ownerTeams.add(teams);
    ownerNumbers.put(ref, number);
    newOwners.add(Arrays.asList(id, p[StoreReads.NAME] != null ? p[StoreReads.NAME] : id, kind, teams));
    return number;
  }

  /** The import sources that assert a workload or an owner of the answer so far. */
  Set<String> sources() {
    return sources;
  }

  /** The teams of an owner by its number. */
  List<String> teams(int ownerNumber) {
    return ownerTeams.get(ownerNumber);
  }
}
