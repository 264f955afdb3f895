/**
 * The model file, {@code graph-model/model.yaml}, read once from the classpath and checked against the
 * Java vocabulary of {@code io.blastgate.model}: the one place that reads it. Apart from {@code model}
 * so that the vocabulary stays plain Java (the Neo4j plugin ships {@code model} alone); depends on
 * {@code model} and Jackson's YAML reader. Every package that needs the declared kinds, properties or
 * traversal sets uses it.
 */
package io.blastgate.model.file;
