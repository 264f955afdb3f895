package io.blastgate.graph;

/**
 * The graph could not answer: the database is down or unreachable, a query ran out of time, or the
 * driver gave up retrying. Callers fail closed: no answer is better than a partial one.
 */
public final class GraphUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GraphUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
