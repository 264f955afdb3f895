package io.blastgate.graph;

/**
 * A write broke one of the schema's constraints (cypher/migrations): typically a node created with
 * an id that another transaction committed first. The transaction was rolled back whole.
 */
public final class ConstraintViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConstraintViolationException(String message, Throwable cause) {
    super(message, cause);
  }
}
