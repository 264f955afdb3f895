package io.blastgate.gate;

import java.util.Objects;

/**
 * How an executor's attempt ended: done, or failed with why (never a secret, never a stack), after how
 * many attempts. A failure is recorded as {@code failed}, never as done. {@code memo} is what the
 * executor needs to undo exactly what it did (Keycloak's {@code restrict}: the roles it removed), kept
 * with the request and handed back in the undo's order ({@link ExecutionOrder#memo}); null when the
 * undo needs nothing.
 */
public record ExecutionResult(boolean succeeded, String detail, int attempts, String memo) {
  public ExecutionResult {
    Objects.requireNonNull(detail, "detail");
  }

  public ExecutionResult(boolean succeeded, String detail, int attempts) {
    this(succeeded, detail, attempts, null);
  }

  public static ExecutionResult done(String detail, int attempts) {
    return new ExecutionResult(true, detail, attempts);
  }

  /** Done, with what the undo will need to restore exactly what was changed. */
  public static ExecutionResult done(String detail, int attempts, String memo) {
    return new ExecutionResult(true, detail, attempts, memo);
  }

  public static ExecutionResult failed(String detail, int attempts) {
    return new ExecutionResult(false, detail, attempts);
  }
}
