/**
 * The canonical bundle importer: a JSON bundle, a folder of CSV files or a .zip of either, checked
 * whole against the model's vocabulary ({@code graph-model/model.yaml}, read at run time), then
 * written in batches with provenance, then synced (what the source no longer asserts is retracted).
 * Owns the Cypher under {@code cypher/queries/importer/}. Depends on {@code model} and {@code graph}
 * (through {@link io.blastgate.graph.Graph} and named queries only), Jackson and commons-csv.
 */
package io.blastgate.importer;
