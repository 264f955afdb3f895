/**
 * The vocabulary of the graph model as plain Java: labels, relationship types and small value records.
 * Depends on nothing but the JDK; every other package may use it.
 */
package io.blastgate.model;
