package io.blastgate.blastradius;

/** No entity in the graph has the id asked for. */
public final class UnknownTargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownTargetException(String id) {
    super("no entity with id '" + id + "' in the graph");
  }
}
