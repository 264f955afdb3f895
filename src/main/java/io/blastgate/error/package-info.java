/**
 * The program's one vocabulary of errors: {@link io.blastgate.error.BlastgateException}, a sealed set
 * of the failures a feature means to report (an unknown entity, input refused, the graph unavailable,
 * a conflict, …). The HTTP problem mapper and the command line's exit codes switch over it with no
 * {@code default}, so that a new kind of error fails to compile until both say how to answer it.
 * {@link io.blastgate.error.Redacted} says how a value that may carry a secret (a URI's user-info) is
 * printed in any message or log line. Depends on the JDK only; every package may use it.
 */
package io.blastgate.error;
