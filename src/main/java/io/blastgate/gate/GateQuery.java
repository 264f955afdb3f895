package io.blastgate.gate;

import io.blastgate.graph.CypherQuery;

/** The Cypher files of the gate, under {@code cypher/queries/gate/}. */
enum GateQuery implements CypherQuery {
  TARGET_FACTS("gate/target-facts.cypher"),
  WEIGH("gate/weigh.cypher"),
  READ_POLICY("gate/read-policy.cypher"),
  WRITE_POLICY("gate/write-policy.cypher"),
  CREATE_REQUEST("gate/create-request.cypher"),
  FIND_REQUEST("gate/find-request.cypher"),
  FIND_REQUEST_BY_KEY("gate/find-request-by-key.cypher"),
  LIST_REQUESTS("gate/list-requests.cypher"),
  MOVE_REQUEST("gate/move-request.cypher"),
  ADD_APPROVAL("gate/add-approval.cypher"),
  TEAMS_OF_PERSON("gate/teams-of-person.cypher"),
  APPLY_CONTAINMENT("gate/apply-containment.cypher"),
  LIFT_CONTAINMENT("gate/lift-containment.cypher"),
  INTERRUPTED_EXECUTIONS("gate/interrupted-executions.cypher"),
  INTERRUPTED_ROLLBACKS("gate/interrupted-rollbacks.cypher"),
  DUE_RESTORES("gate/due-restores.cypher"),
  DUE_EXPIRIES("gate/due-expiries.cypher"),
  DUE_APPROVED("gate/due-approved.cypher"),
  CLAIM_ROLLBACK("gate/claim-rollback.cypher"),
  CLAIM_TARGET("gate/claim-target.cypher"),
  RELEASE_ROLLBACK("gate/release-rollback.cypher"),
  PROCESS_SEEN("gate/process-seen.cypher"),
  FORGET_PROCESSES("gate/forget-processes.cypher");

  private final String file;

  GateQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
