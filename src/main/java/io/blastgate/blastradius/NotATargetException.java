package io.blastgate.blastradius;

/** The entity exists but is not something one contains: owners have no blast radius. */
public final class NotATargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotATargetException(String id, String label) {
    super(
        "'"
            + id
            + "' is an "
            + label
            + "; a blast radius targets an Identity, a Credential or a Workload");
  }
}
