package io.blastgate.importer;

import java.util.Objects;

/**
 * One problem or warning of an import: where it is and what to do about it. The location is a JSON
 * pointer into a bundle ({@code /workloads/17/uses/0}), {@code file:line:column} into a CSV folder
 * ({@code workloads.csv:18:5}), or a name such as {@code source} for what is not inside a file.
 */
public record ImportMessage(String location, String message) {
  public ImportMessage {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }
}
