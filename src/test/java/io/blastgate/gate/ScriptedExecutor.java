package io.blastgate.gate;

import java.util.function.Function;

/** An executor of the tests: named as a real one, it handles every order and answers as {@code script} says. */
record ScriptedExecutor(String name, Function<ExecutionOrder, ExecutionResult> script) implements Executor {
  @Override
  public boolean handles(ExecutionOrder order) {
    return true;
  }

  @Override
  public ExecutionResult execute(ExecutionOrder order) {
    return script.apply(order);
  }
}
