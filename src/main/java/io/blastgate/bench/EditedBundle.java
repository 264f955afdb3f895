package io.blastgate.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A bundle's next version ({@link BundleEditor}) and what it changed, by id: the entities added,
 * removed and renamed, and those that lost a reference to a removed entity ({@code stripped}; an
 * entity may be both renamed and stripped).
 */
record EditedBundle(Path bundle, Set<String> added, Set<String> removed, Set<String> renamed, Set<String> stripped) {

  EditedBundle {
    Objects.requireNonNull(bundle, "bundle");
    added = Set.copyOf(added);
    removed = Set.copyOf(removed);
    renamed = Set.copyOf(renamed);
    stripped = Set.copyOf(stripped);
  }

  /** The entities a re-import of the edited bundle over the original must write: new or stated otherwise. */
  Set<String> written() {
    Set<String> out = new HashSet<>(added);
    out.addAll(renamed);
    out.addAll(stripped);
    return out;
  }

  /**
   * The entities a re-import of the original over the edited bundle must write: the removed ones come
   * back, and the renamed and stripped ones are stated as before the edit; the added ones are removed.
   */
  Set<String> writtenBack() {
    Set<String> out = new HashSet<>(removed);
    out.addAll(renamed);
    out.addAll(stripped);
    return out;
  }
}
