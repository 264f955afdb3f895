/**
 * The only package that touches Neo4j through the driver: the embedded database, the connection, the
 * named Cypher files and the schema migrations; and the one that drives Neo4j's offline importer for
 * a first load ({@link io.blastgate.graph.BulkLoad}), which a feature feeds through the plain-Java
 * {@link io.blastgate.graph.BulkInput}. Features reach the graph through {@link
 * io.blastgate.graph.Graph} with a {@link io.blastgate.graph.CypherQuery} and read what it returns as
 * {@link io.blastgate.graph.Row}s; they never see the driver's session, records, values or a Cypher
 * string. Its failures are {@code error.BlastgateException}s (graph unavailable, conflict). Depends on
 * {@code model}, {@code error} and {@code plugin} (whose procedures the embedded Neo4j registers).
 */
package io.blastgate.graph;
