package io.blastgate.importer.input;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import was asked to read its input as: a format by name, or none (the first registered
 * format that recognises the input reads it), and that format's options by name ({@code cluster}).
 */
public record InputChoice(Optional<String> format, Map<String, String> options) {
  /** The format recognised from the input, with no options. */
  public static final InputChoice DETECT = new InputChoice(Optional.empty(), Map.of());

  public InputChoice {
    Objects.requireNonNull(format, "format");
    options = Map.copyOf(options);
  }
}
