/**
 * The wire shapes: records that mirror the schemas of {@code api/openapi.yaml} one to one, and the one
 * JSON configuration ({@link io.blastgate.wire.Json}) they are written with. The HTTP API answers with
 * them and the command line prints the very same JSON with {@code --json}, so neither edge owns them.
 * Depends on the features' records, {@code model} and Jackson; {@code http} and {@code cli} use it.
 */
package io.blastgate.wire;
