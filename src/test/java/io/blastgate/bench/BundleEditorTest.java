package io.blastgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming bundle editor against the bundle read whole: what it says it added, removed and changed
 * is what differs between the two bundles, entity by entity; no reference is left to a removed entity;
 * the same seed gives the same bytes. No database.
 */
class BundleEditorTest {
  private static final int NODES = 3_000;

  @TempDir static Path dir;
  private static GeneratedOrg org;
  private static ScannedBundle original;

  @BeforeAll
  static void generate() {
    org = SyntheticOrg.write(OrgSpec.of(42, NODES), dir.resolve("org.json"));
    original = ScannedBundle.read(org.bundle());
  }

  private static EditedBundle edit(String name, double share, long seed) {
    return BundleEditor.edit(org.bundle(), dir.resolve(name), share, seed, org.mostSharedTargets());
  }

  @Test
  void addsChangesAndRemovesAThirdOfTheShareEach() {
    EditedBundle e = edit("three-percent.json", 0.03, 7);

    assertThat(e.added()).hasSize(30);
    assertThat(e.removed()).hasSize(30);
    assertThat(e.renamed()).hasSize(30);
    assertThat(e.removed()).doesNotContainAnyElementsOf(e.renamed());
    ScannedBundle edited = ScannedBundle.read(e.bundle());
    assertThat(edited.entities).hasSize(NODES);
    assertThat(edited.entities.keySet()).containsAll(e.added()).doesNotContainAnyElementsOf(e.removed());
  }

  @Test
  void leavesNoReferenceToARemovedEntityAndSaysWhichEntitiesLostOne() {
    EditedBundle e = edit("references.json", 0.03, 11);
    ScannedBundle edited = ScannedBundle.read(e.bundle());

    assertThat(edited.problems).as("dangling references and other problems").isEmpty();
    Set<String> referring = new HashSet<>();
    for (ScannedBundle.Entity entity : original.entities.values()) {
      if (!e.removed().contains(entity.id()) && refersToAny(entity, e.removed())) {
        referring.add(entity.id());
      }
    }
    assertThat(referring).as("entities that referred to a removed one").isNotEmpty();
    assertThat(e.stripped()).isEqualTo(referring);
  }

  @Test
  void whatItSaysAReImportMustWriteIsWhatDiffersFromTheOriginal() {
    EditedBundle e = edit("diff.json", 0.03, 13);
    ScannedBundle edited = ScannedBundle.read(e.bundle());

    Set<String> differs = new HashSet<>();
    for (ScannedBundle.Entity now : edited.entities.values()) {
      ScannedBundle.Entity before = original.entities.get(now.id());
      if (before == null || !before.node().equals(now.node())) {
        differs.add(now.id());
      }
    }
    Set<String> gone = new HashSet<>(original.entities.keySet());
    gone.removeAll(edited.entities.keySet());
    assertThat(differs).isEqualTo(e.written());
    assertThat(gone).isEqualTo(e.removed());
    Set<String> back = new HashSet<>(e.removed());
    differs.stream().filter(id -> !e.added().contains(id)).forEach(back::add);
    assertThat(e.writtenBack()).isEqualTo(back);
  }

  @Test
  void addedWorkloadsUseTheCredentialsGivenWhichStay() {
    EditedBundle e = edit("added.json", 0.1, 17);
    ScannedBundle edited = ScannedBundle.read(e.bundle());

    Set<String> used = new HashSet<>();
    for (String id : e.added()) {
      ScannedBundle.Entity w = edited.entities.get(id);
      assertThat(w.label()).isEqualTo(Label.WORKLOAD);
      used.addAll(w.refs(RelType.USES.bundleField()));
    }
    assertThat(org.mostSharedTargets()).containsAll(used);
    assertThat(used).hasSize(org.mostSharedTargets().size());
    assertThat(e.removed()).doesNotContainAnyElementsOf(org.mostSharedTargets());
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherEdit() throws Exception {
    EditedBundle a = edit("a.json", 0.03, 5);
    EditedBundle b = edit("b.json", 0.03, 5);
    EditedBundle c = edit("c.json", 0.03, 6);

    assertThat(Files.readAllBytes(a.bundle())).isEqualTo(Files.readAllBytes(b.bundle()));
    assertThat(a.removed()).isEqualTo(b.removed());
    assertThat(c.removed()).isNotEqualTo(a.removed());
  }

  @Test
  void refusesAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> edit("none.json", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> edit("too-much.json", 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean refersToAny(ScannedBundle.Entity entity, Set<String> ids) {
    for (RelType type : RelType.values()) {
      if (type.from() == entity.label()) {
        List<String> refs = entity.refs(type.bundleField());
        if (refs.stream().anyMatch(ids::contains)) {
          return true;
        }
      }
    }
    return false;
  }
}
