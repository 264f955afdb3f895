package io.blastgate.importer;

import java.util.concurrent.atomic.AtomicBoolean;

/** Test progress that does something once, when an import enters a named phase (a writer meanwhile). */
final class AtPhase implements ImportProgress {
  private final String phase;
  private final Runnable action;
  private final AtomicBoolean done = new AtomicBoolean();

  private AtPhase(String phase, Runnable action) {
    this.phase = phase;
    this.action = action;
  }

  /** Runs {@code action} the first time the import enters {@code phase}, not again on a retry. */
  static ImportProgress once(String phase, Runnable action) {
    return new AtPhase(phase, action);
  }

  @Override
  public void phase(String name, long total) {
    if (name.equals(phase) && done.compareAndSet(false, true)) {
      action.run();
    }
  }

  @Override
  public void advance(long n) {}
}
