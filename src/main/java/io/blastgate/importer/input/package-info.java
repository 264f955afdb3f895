/**
 * The input side of the importer: one reader per source format, each turning its files into the
 * canonical entities ({@code importers/bundle/README.md}) with where each stands, and reporting its
 * own structural errors. {@link io.blastgate.importer.input.SourceInput} and {@link
 * io.blastgate.importer.input.InputFormat} are the seam; {@link
 * io.blastgate.importer.input.InputFormats} registers every format and opens an input through them,
 * unpacking a .zip first. The canonical bundle, as JSON or CSV, is the first format. Text is read
 * through {@link io.blastgate.importer.input.Utf8Reader} (UTF-8 and nothing else), and a parser's
 * complaints are said in our words by {@code JsonSyntax} and {@code CsvSyntax}, never in its own.
 *
 * <p>Knows nothing of the graph or of how entities are checked and written: depends on {@code model},
 * Jackson, commons-csv and the JDK only, never on {@code importer} (which depends on it) or {@code
 * graph}. What a reader must know of the canonical shape it is handed ({@link
 * io.blastgate.importer.input.CanonicalShape}).
 */
package io.blastgate.importer.input;
