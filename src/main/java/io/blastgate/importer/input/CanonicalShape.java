package io.blastgate.importer.input;

import io.blastgate.model.Label;
import java.util.Set;

/**
 * The shape of a canonical entity, as the importer checks it: which fields an entity of each label may
 * carry and which of them hold a list. Handed to a reader that must know it (a CSV header names these
 * fields; a list field's cell is split). It comes from the importer through {@link InputFormat#open}
 * rather than from {@code model.file.GraphModel}, because part of it is a rule of the canonical shape,
 * not of the model file ({@code authenticates_as} holds one id, every other reference a list): the
 * side that checks entities against that rule is the one place that states it.
 */
public interface CanonicalShape {
  /** The fields an entity of {@code label} may carry, in the model file's order. */
  Set<String> fieldNames(Label label);

  /** Whether {@code field} of {@code label} holds a list of strings rather than one string. */
  boolean holdsList(Label label, String field);
}
