package io.blastgate.gate;

import java.util.Objects;

/**
 * How an executor's attempt ended: done, or failed with why (never a secret, never a stack), after how
 * many attempts. A failure is recorded as {@code failed}, never as done.
 */
public record ExecutionResult(boolean succeeded, String detail, int attempts) {
  public ExecutionResult {
    Objects.requireNonNull(detail, "detail");
  }

  public static ExecutionResult done(String detail, int attempts) {
    return new ExecutionResult(true, detail, attempts);
  }

  public static ExecutionResult failed(String detail, int attempts) {
    return new ExecutionResult(false, detail, attempts);
  }
}
