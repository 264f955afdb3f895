/**
 * The benchmark: a deterministic generator of synthetic enterprise graphs ({@link
 * io.blastgate.bench.SyntheticOrg}) and a runner ({@link io.blastgate.bench.Benchmark}) that imports
 * one into a fresh embedded Neo4j and measures import throughput, blast-radius latency and heap. It
 * gets the program from the composition root ({@code app}) configured through the same keys a user
 * sets, and may depend on {@code services}, {@code config}, {@code graph}, {@code model} and the
 * features; nothing depends on it but the command line.
 * It runs as a command, never as a test: no test asserts a time.
 */
package io.blastgate.bench;
