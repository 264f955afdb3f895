package io.blastgate.gate;

import io.blastgate.error.BlastgateException;
import io.blastgate.graph.Graph;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of an action request (docs/policy.md, "A request's life"): kept with its decision; run at
 * once when the decision is {@code execute}; otherwise waiting for approvals, denied, rejected or
 * expired; executed at most once (a status move under the node's write lock claims it, whatever
 * arrives at once); re-checked against a fresh blast radius before it runs after approval; rolled
 * back when reversible. Every step is written to the audit with the change it records.
 */
public final class ActionRequests {
  private static final int MAX_LIST = 500;

  private final Graph graph;
  private final GateService gate;
  private final RequestStore store;
  private final Execution execution;
  private final GateAudit audit;
  private final GateProcess process;
  private final Reconciliation reconciliation;
  private final ApprovedRuns approvedRuns;
  private final Clock clock;

  ActionRequests(Graph graph, GateService gate, Execution execution, GateAudit audit, GateProcess process,
      Reconciliation reconciliation, Clock clock) {
    this.graph = graph;
    this.gate = gate;
    this.store = new RequestStore(graph);
    this.execution = execution;
    this.audit = audit;
    this.process = process;
    this.reconciliation = reconciliation;
    this.approvedRuns = new ApprovedRuns(graph, gate, execution, audit, process, clock);
    this.clock = clock;
  }

  /**
   * A request through the gate: a dry run decides and keeps nothing; a real one is kept with its
   * decision and, when that is {@code execute}, run. The same requester's idempotency key answers the
   * request it first made, without deciding or acting again; a dry run keeps nothing, so it neither
   * answers nor is answered by a kept request, whatever its key. An action whose state is already in
   * effect on the target is refused ({@link BlastgateException.AlreadyContained}), dry run or not.
   */
  public GateAnswer submit(ActionRequest request) {
    String scope = request.idempotencyKey() == null || request.dryRun() ? null
        : request.requester() + " " + request.idempotencyKey();
    if (scope != null) {
      Optional<StoredRequest> earlier = store.findByKey(scope);
      if (earlier.isPresent()) {
        return GateAnswer.of(earlier.get());
      }
    }
    GateService.Weighed w = gate.weigh(request);
    try {
      TargetClaim.refuseIfInEffect(gate.actions().named(request.action()), w.target().id(), w.target().containment());
    } catch (BlastgateException.AlreadyContained e) {
      // A retry whose key's first request ran between the look-up above and now: that one answers.
      Optional<StoredRequest> first = scope == null ? Optional.empty() : store.findByKey(scope);
      if (first.isPresent()) {
        return GateAnswer.of(first.get());
      }
      throw e;
    }
    if (request.dryRun()) {
      return new GateAnswer("dry-" + UUID.randomUUID(), request, w.confidence(), GateAnswer.DRY_RUN, w.decision(),
          DecisionCodec.RadiusSummary.of(w.radius()), w.now(), List.of(), null, null);
    }
    String status = switch (w.decision().outcome()) {
      case EXECUTE -> "executing";
      case REQUIRE_APPROVAL -> "pending_approval";
      case DENY -> "denied";
    };
    Map<String, Object> props = new HashMap<>();
    props.put("id", UUID.randomUUID().toString());
    props.put("key_scope", scope);
    props.put("target", request.target());
    props.put("action", request.action());
    props.put("confidence", w.confidence().wireName());
    props.put("confidence_given", request.confidence());
    props.put("reason", request.reason());
    props.put("requester", request.requester());
    props.put("idempotency_key", request.idempotencyKey());
    props.put("status", status);
    props.put("executor", status.equals("executing") ? process.id() : null);
    props.put("decision", DecisionCodec.write(new DecisionCodec.Kept(w.decision(), w.confidence(), w.now(),
        DecisionCodec.RadiusSummary.of(w.radius()))));
    props.put("approvals_needed", w.decision().approvalsNeeded());
    props.put("approvers", w.decision().approvers());
    props.put("approved_by", List.of());
    props.put("created_at", w.now().toString());
    props.put("updated_at", w.now().toString());
    props.put("expires_at", status.equals("pending_approval")
        ? w.now().plus(w.policy().approvals().expireAfter()).toString() : null);
    StoredRequest kept;
    try {
      kept = graph.writeTx("keep an action request", tx -> {
        StoredRequest created = RequestStore.create(tx, props);
        audit.record(tx, "requested", request.requester(), created.id(), request.target(),
            Map.of("action", request.action(), "confidence", request.confidence(), "reason", request.reason()));
        audit.record(tx, "decided", "blastgate", created.id(), request.target(), Map.of(
            "outcome", w.decision().outcome().wireName(), "policy_version", w.decision().policyVersion(),
            "rules", w.decision().reasons().stream().map(Decision.Reason::rule).toList()));
        if (created.status().equals("executing")) {
          process.seen(tx);
          TargetClaim.claim(tx, gate.actions().named(request.action()), request.target(), created.id());
          audit.record(tx, "execution_started", "blastgate", created.id(), request.target(), Map.of());
        }
        return created;
      });
    } catch (BlastgateException.Conflict e) {
      // The same requester and key, at the same moment: the first one stands (else another request
      // was carrying out the action on the target: TargetClaim).
      return (scope == null ? Optional.<StoredRequest>empty() : store.findByKey(scope)).map(GateAnswer::of)
          .orElseThrow(() -> e);
    }
    if (kept.status().equals("executing")) {
      kept = execution.run(kept, w.target().label().cypherName(), w.target().kind());
    }
    return GateAnswer.of(kept);
  }

  /** A request by id; a pending one past its expiry is expired first. */
  public GateAnswer get(String id) {
    return GateAnswer.of(expireIfDue(find(id)));
  }

  /** Requests, newest first, of one status or all (null), at most {@code limit} (up to 500). */
  public List<GateAnswer> list(String status, int limit) {
    return store.list(status, Math.min(limit, MAX_LIST)).stream().map(this::expireIfDue)
        .filter(r -> status == null || r.status().equals(status)).map(GateAnswer::of).toList();
  }

  /**
   * One person's approval. Refused (403) for the requester and for anyone the decision does not name;
   * (409) for a request no longer pending or already approved by them. With enough approvals, the
   * blast radius is computed again: grown beyond what was approved, the request waits again with the
   * reason; otherwise it runs, once.
   */
  public GateAnswer approve(String id, String by, String comment) {
    StoredRequest r = pending(id, by, "approve");
    Instant now = clock.instant();
    StoredRequest approved = graph.writeTx("approve an action request", tx -> {
      Optional<StoredRequest> added = RequestStore.approve(tx, id, by, now);
      if (added.isEmpty()) {
        return null;
      }
      audit.record(tx, "approved", by, id, r.target(), comment == null ? Map.of() : Map.of("comment", comment));
      return added.get();
    });
    if (approved == null) {
      throw conflict(find(id), by);
    }
    if (approved.approvedBy().size() < approved.approvalsNeeded()) {
      return GateAnswer.of(approved);
    }
    return GateAnswer.of(approvedRuns.run(approved));
  }

  /** One person's rejection, with a comment: the request ends {@code rejected}. */
  public GateAnswer reject(String id, String by, String comment) {
    StoredRequest r = pending(id, by, "reject");
    Instant now = clock.instant();
    Optional<StoredRequest> moved = graph.writeTx("reject an action request", tx -> {
      Optional<StoredRequest> m = RequestStore.move(tx, id, "pending_approval", "rejected",
          Map.of("comment", comment == null ? "" : comment, "rejected_by", by), now);
      m.ifPresent(x -> audit.record(tx, "rejected", by, id, r.target(),
          comment == null ? Map.of() : Map.of("comment", comment)));
      return m;
    });
    return GateAnswer.of(moved.orElseThrow(() -> conflict(find(id), by)));
  }

  /** Undoes an executed, reversible action. */
  public GateAnswer rollBack(String id, String by) {
    StoredRequest r = find(id);
    Action action = gate.actions().named(r.action());
    if (!action.reversible()) {
      throw new BlastgateException.Conflict("'" + r.action() + "' cannot be undone");
    }
    if (!r.status().equals("executed")) {
      throw new BlastgateException.Conflict("request " + id + " is " + r.status() + "; only an executed one rolls back");
    }
    TargetFacts target = gate.targetFacts(r.target());
    return GateAnswer.of(execution.rollBack(r, by, target.label().cypherName(), target.kind())
        .orElseThrow(() -> new BlastgateException.Conflict("request " + id + " is no longer executed")));
  }

  /**
   * Housekeeping, run by the server every little while and safe to run in every process at once: a
   * suspension whose time is up is restored (rolled back once, whoever gets there first), a pending
   * request past its expiry is expired, and what a process that is gone left executing or rolling back
   * is reconciled. Answers what it did, one line each.
   */
  public List<String> housekeeping() {
    Instant now = clock.instant();
    List<String> done = new java.util.ArrayList<>();
    reconciliation.executions(false).forEach(r -> done.add("request " + r
        + " was left executing by a process gone since; it is now failed, its outcome unknown"));
    reconciliation.rollbacks(false).forEach(r -> done.add("the rollback of request " + r
        + " was left by a process gone since; its outcome is unknown"));
    process.forgetStopped();
    for (StoredRequest r : store.due(GateQuery.DUE_RESTORES, now)) {
      try {
        TargetFacts target = gate.targetFacts(r.target());
        execution.rollBack(r, "blastgate (the suspension expired)", target.label().cypherName(), target.kind())
            .ifPresent(x -> done.add("restored " + r.target() + " (request " + r.id() + ")"));
      } catch (BlastgateException e) {
        done.add("could not restore " + r.target() + " (request " + r.id() + "): " + e.getMessage());
      }
    }
    for (StoredRequest r : store.due(GateQuery.DUE_APPROVED, now)) {
      try {
        StoredRequest after = approvedRuns.run(r);
        if (!after.status().equals("pending_approval")) {
          done.add("ran approved request " + r.id() + ": " + after.status());
        }
      } catch (BlastgateException e) {
        done.add("could not run approved request " + r.id() + ": " + e.getMessage());
      }
    }
    for (StoredRequest r : store.due(GateQuery.DUE_EXPIRIES, now)) {
      if (expireIfDue(r).status().equals("expired")) {
        done.add("expired request " + r.id());
      }
    }
    return done;
  }

  private StoredRequest pending(String id, String by, String verb) {
    StoredRequest r = expireIfDue(find(id));
    if (!r.status().equals("pending_approval")) {
      throw new BlastgateException.Conflict("request " + id + " is " + r.status() + ", no longer pending approval");
    }
    if (r.requester().equals(by)) {
      throw new BlastgateException.Forbidden("a requester never approves or rejects their own request");
    }
    if (!mayApprove(r, by)) {
      throw new BlastgateException.Forbidden(by + " may not " + verb + " request " + id + ": its approvers are "
          + String.join(", ", r.approvers()));
    }
    return r;
  }

  private boolean mayApprove(StoredRequest r, String by) {
    if (r.approvers().contains(Gate.ANY_APPROVER) || r.approvers().contains(by)) {
      return true;
    }
    return store.teamsOf(by).stream().anyMatch(r.approvers()::contains);
  }

  private StoredRequest expireIfDue(StoredRequest r) {
    Instant now = clock.instant();
    if (!r.status().equals("pending_approval") || r.expiresAt() == null || now.isBefore(r.expiresAt())) {
      return r;
    }
    return graph.writeTx("expire an action request", tx -> {
      Optional<StoredRequest> m = RequestStore.move(tx, r.id(), "pending_approval", "expired", Map.of(), now);
      m.ifPresent(x -> audit.record(tx, "expired", "blastgate", x.id(), x.target(), Map.of()));
      return m;
    }).orElseGet(() -> find(r.id()));
  }

  private StoredRequest find(String id) {
    return store.find(id).orElseThrow(() -> new BlastgateException.UnknownRequest(id));
  }

  private BlastgateException conflict(StoredRequest now, String by) {
    return new BlastgateException.Conflict(now.approvedBy().contains(by) && now.status().equals("pending_approval")
        ? by + " already approved request " + now.id()
        : "request " + now.id() + " is " + now.status() + ", no longer pending approval");
  }
}
