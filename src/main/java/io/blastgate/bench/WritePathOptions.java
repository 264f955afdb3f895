package io.blastgate.bench;

/**
 * The write-path phases of a run (issue 8), after the latency phase: re-import the unchanged bundle,
 * then an edited copy, then import the original back over the edit while readers ask blast radii, and
 * optionally import a larger edit while they ask.
 *
 * @param enabled whether the run has these phases at all
 * @param editShare the share of entities the edit touches (0.01: 1 %, a third added, changed, removed)
 * @param largeEditShare the share of the larger edit imported under readers; 0 for none
 * @param readers threads asking blast radii during the concurrent imports
 */
public record WritePathOptions(boolean enabled, double editShare, double largeEditShare, int readers) {

  public WritePathOptions {
    if (!(editShare > 0 && editShare <= 1) || !(largeEditShare >= 0 && largeEditShare <= 1) || readers < 0) {
      throw new IllegalArgumentException(
          "an edit share in (0, 1], a larger edit's share in [0, 1] and readers >= 0; was "
              + editShare + ", " + largeEditShare + ", " + readers);
    }
  }

  /** On: a 1 % edit, a 10 % edit under readers, four readers. */
  public static WritePathOptions defaults() {
    return new WritePathOptions(true, 0.01, 0.10, 4);
  }

  public static WritePathOptions off() {
    return new WritePathOptions(false, 0.01, 0, 0);
  }
}
