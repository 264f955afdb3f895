package io.blastgate.gate;

import io.blastgate.graph.Graph;
import io.blastgate.graph.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Action requests in the graph: the queries of {@code cypher/queries/gate/}, one method each. */
final class RequestStore {
  private final Graph graph;

  RequestStore(Graph graph) {
    this.graph = graph;
  }

  Optional<StoredRequest> find(String id) {
    return graph.readAnyState(GateQuery.FIND_REQUEST, Map.of("id", id), RequestStore::first);
  }

  Optional<StoredRequest> findByKey(String keyScope) {
    return graph.readAnyState(GateQuery.FIND_REQUEST_BY_KEY, Map.of("key_scope", keyScope), RequestStore::first);
  }

  List<StoredRequest> list(String status, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", status);
    params.put("limit", limit);
    return graph.readAnyState(GateQuery.LIST_REQUESTS, params,
        rows -> rows.list(r -> StoredRequest.of(r.row("request"))));
  }

  static StoredRequest create(Graph.Tx tx, Map<String, Object> props) {
    tx.run(GateQuery.CREATE_REQUEST, Map.of("props", props)).consume();
    return first(tx.run(GateQuery.FIND_REQUEST, Map.of("id", props.get("id")))).orElseThrow();
  }

  /** Moves a request from {@code from} to {@code to}; empty when it was no longer {@code from}. */
  static Optional<StoredRequest> move(Graph.Tx tx, String id, String from, String to, Map<String, Object> set,
      Instant now) {
    return first(tx.run(GateQuery.MOVE_REQUEST,
        Map.of("id", id, "from", from, "to", to, "set", set, "now", now.toString())));
  }

  /** Adds an approval; empty when the request is no longer pending or this person approved already. */
  static Optional<StoredRequest> approve(Graph.Tx tx, String id, String by, Instant now) {
    return first(tx.run(GateQuery.ADD_APPROVAL, Map.of("id", id, "by", by, "now", now.toString())));
  }

  /** Executed suspensions whose time is up, and pending requests past their expiry, at {@code now}. */
  List<StoredRequest> due(GateQuery query, Instant now) {
    return graph.readAnyState(query, Map.of("now", now.toString()), rows -> rows.list(r -> StoredRequest.of(r.row("request"))));
  }

  List<String> teamsOf(String personId) {
    return graph.readAnyState(GateQuery.TEAMS_OF_PERSON, Map.of("id", personId), rows -> rows.list(r -> r.text("team")));
  }

  private static Optional<StoredRequest> first(Rows rows) {
    List<StoredRequest> found = rows.list(r -> StoredRequest.of(r.row("request")));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }
}
