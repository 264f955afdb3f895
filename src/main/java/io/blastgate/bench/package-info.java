/**
 * The benchmark: a deterministic generator of synthetic enterprise graphs ({@link
 * io.blastgate.bench.SyntheticOrg}) and a runner ({@link io.blastgate.bench.Benchmark}) that imports
 * one into a fresh embedded Neo4j and measures import throughput, blast-radius latency and heap. It
 * sits beside {@code cli} and {@code http}: it may depend on {@code model}, {@code graph} and the
 * features ({@code importer}, {@code blastradius}); nothing depends on it but the command line.
 * It runs as a command, never as a test: no test asserts a time.
 */
package io.blastgate.bench;
