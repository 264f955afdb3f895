/**
 * The entity feature: look one entity up with its properties, provenance, owners and neighbours, and
 * search entities by name or id through the full-text index. Depends on {@code model}, {@code
 * model.file} (which properties a label declares) and {@code graph} only; {@code wire} renders its
 * records.
 */
package io.blastgate.entities;
