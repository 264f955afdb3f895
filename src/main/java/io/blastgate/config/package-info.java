/**
 * The program's configuration: one record read from the environment (and an optional file), checked as
 * a whole so that every missing or invalid key is reported at once (one {@code
 * error.BlastgateException.InvalidConfiguration}), with secrets that never print; and the program's
 * own files on disk, private to its user ({@link io.blastgate.config.PrivateFiles}). Depends on {@code
 * graph} (it produces the graph's settings), {@code model} and {@code error}; the services, the edges
 * and the composition root use it.
 */
package io.blastgate.config;
