/**
 * The vocabulary of the graph model as plain Java: labels, relationship types, the named traversal
 * sets, the two rules both blast-radius engines apply (BlastRadiusRules), the hop bound and small
 * value records. Depends on nothing but the JDK, because the Neo4j plugin
 * ships this package alone; {@code model.file} reads {@code graph-model/model.yaml} and holds it to
 * these enums. Every other package may use it.
 */
package io.blastgate.model;
