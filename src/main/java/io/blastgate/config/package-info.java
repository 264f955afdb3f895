/**
 * The program's configuration: one record read from the environment (and an optional file), checked as
 * a whole so that every missing or invalid key is reported at once, with secrets that never print.
 * Depends on {@code graph} (it produces the graph's settings) and the JDK; everything that starts the
 * program may use it.
 */
package io.blastgate.config;
