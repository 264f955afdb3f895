/**
 * The entity feature: look one entity up with its properties, provenance, owners and neighbours, and
 * search entities by name or id through the full-text index. Depends on {@code model} and {@code graph}
 * only; the HTTP layer renders its records.
 */
package io.blastgate.entities;
