package io.blastgate.gate;

/**
 * Carries out an action outward, in a system that really holds the identity (a signed webhook, an
 * identity provider). The graph always records the new state besides (the gate does that itself), so
 * the next blast radius sees reality. An executor does not throw for a failure of the other side: it
 * answers {@link ExecutionResult#failed}; the gate calls it at most once per request and order.
 */
public interface Executor {
  /** Its name in the audit and the configuration ({@code webhook}, {@code keycloak}). */
  String name();

  /** Whether it acts on this order (an identity provider maps only the identities it holds). */
  boolean handles(ExecutionOrder order);

  ExecutionResult execute(ExecutionOrder order);
}
