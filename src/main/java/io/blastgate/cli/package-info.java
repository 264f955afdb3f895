/**
 * The command line for people at a terminal: serve, demo, import, blast-radius, token, bench. The
 * outermost edge: it may use every other package; none uses it.
 */
package io.blastgate.cli;
