package io.blastgate.gate;

import io.blastgate.graph.Graph;
import java.util.Map;

/**
 * Where the gate writes what happens to a request, inside the transaction that makes it happen, so
 * that a step and its audit entry commit together or not at all. The program gives it the audit
 * trail; the events are the wire names of docs/policy.md (requested, decided, approved, …).
 */
@FunctionalInterface
public interface GateAudit {
  /** Writes nothing: for a gate built without an audit trail (tests of the decision alone). */
  GateAudit NONE = (tx, event, actor, requestId, target, details) -> {};

  void record(Graph.Tx tx, String event, String actor, String requestId, String target, Map<String, Object> details);
}
