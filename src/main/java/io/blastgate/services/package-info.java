/**
 * The feature services over one graph, built in one place ({@link
 * io.blastgate.services.Services#over}) from the configuration: the entity look-up, the blast radius,
 * the importer (and, next, the gate). Below the edges: {@code http} serves them, {@code app} (the
 * composition root) builds them for every command. Depends on {@code config}, {@code graph} and the
 * features.
 */
package io.blastgate.services;
