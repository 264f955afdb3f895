/**
 * The one place that wires the program: {@link io.blastgate.app.Blastgate} opens the graph named by
 * the configuration and builds every feature's service over it with its settings ({@link
 * io.blastgate.app.Services}). The HTTP server, every command, the benchmark and the tests get their
 * services here; a new feature (the gate) is added here once. Depends on {@code config}, {@code auth},
 * {@code graph} and the features; {@code http}, {@code cli} and {@code bench} use it.
 */
package io.blastgate.app;
