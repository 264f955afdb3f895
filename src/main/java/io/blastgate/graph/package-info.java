/**
 * The only package that touches Neo4j: the embedded database, the driver, the named Cypher files and
 * the schema migrations. Features reach the graph through {@link io.blastgate.graph.Graph} with a
 * {@link io.blastgate.graph.CypherQuery}; they never see the driver's session or a Cypher string.
 * Depends on {@code model} only.
 */
package io.blastgate.graph;
