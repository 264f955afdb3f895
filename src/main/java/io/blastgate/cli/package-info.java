/**
 * The command line for people at a terminal: serve, demo, import, blast-radius, token, bench. The
 * outermost edge: it gets the program from the composition root ({@code app.Blastgate}), prints the
 * {@code wire} shapes for {@code --json}, and turns every {@code error.BlastgateException} into a
 * sentence and an exit code ({@link io.blastgate.cli.Main}). It does not use {@code http}; none uses it.
 */
package io.blastgate.cli;
