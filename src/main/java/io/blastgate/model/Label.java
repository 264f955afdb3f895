package io.blastgate.model;

import java.util.Arrays;
import java.util.Optional;

/** The node labels of the model ({@code graph-model/model.yaml}); a test keeps the two in step. */
public enum Label {
  IDENTITY("Identity", "identities"),
  CREDENTIAL("Credential", "credentials"),
  WORKLOAD("Workload", "workloads"),
  OWNER("Owner", "owners");

  private final String cypherName;
  private final String section;

  Label(String cypherName, String section) {
    this.cypherName = cypherName;
    this.section = section;
  }

  /** The label as it stands in Cypher and on the wire, e.g. {@code Credential}. */
  public String cypherName() {
    return cypherName;
  }

  /** The bundle's array (and CSV file stem) that holds entities of this label, e.g. {@code credentials}. */
  public String section() {
    return section;
  }

  public static Optional<Label> fromCypherName(String name) {
    return Arrays.stream(values()).filter(l -> l.cypherName.equals(name)).findFirst();
  }

  public static Optional<Label> fromSection(String section) {
    return Arrays.stream(values()).filter(l -> l.section.equals(section)).findFirst();
  }
}
