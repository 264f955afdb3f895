package io.blastgate.importer;

/**
 * Where a long import is, for a progress bar or a log line. Called from the importing thread; an
 * implementation must be cheap. A phase may start again if the database asks to retry a transaction.
 */
public interface ImportProgress {
  /** A new phase begins; {@code total} is its amount of work, or -1 when not known up front. */
  void phase(String name, long total);

  /** {@code n} more units of the current phase are done. */
  void advance(long n);

  static ImportProgress none() {
    return new ImportProgress() {
      @Override
      public void phase(String name, long total) {}

      @Override
      public void advance(long n) {}
    };
  }
}
