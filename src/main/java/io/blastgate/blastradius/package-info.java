/**
 * The blast radius of a containment target, exactly as {@code graph-model/README.md} defines it: dependent
 * identities, impacted workloads with hops, their owners and teams, the summary and the shared-secret
 * reach. Depends on {@code model}, {@code error} and {@code graph}; knows nothing of HTTP or the command line.
 */
package io.blastgate.blastradius;
