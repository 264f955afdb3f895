/**
 * The import of one source into the graph, whatever its format: the public entry ({@link
 * io.blastgate.importer.Importer}, its settings, progress and report) and the one write path. An input
 * opened by {@code importer.input} is checked whole, each entity against the model's vocabulary
 * (built from {@code model.file.GraphModel}), its references resolved against the input and the
 * graph, then written in batches with provenance (in parts when too large for one transaction), then
 * synced (what the source no longer asserts is retracted), then reported. Owns the Cypher under {@code
 * cypher/queries/importer/}. Also the bulk first load ({@link io.blastgate.importer.InitialLoad}): the
 * same input and first pass, then the second pass streamed into Neo4j's offline importer through
 * {@code graph.BulkLoad}, for an empty embedded database.
 *
 * <p>Depends on {@code importer.input} (never the reverse), {@code model}, {@code model.file}, {@code
 * error}, {@code graph} (through {@link io.blastgate.graph.Graph}, its rows and named queries only),
 * Jackson's tree model and SLF4J.
 */
package io.blastgate.importer;
