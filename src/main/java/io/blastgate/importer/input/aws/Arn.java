package io.blastgate.importer.input.aws;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}, kept verbatim as
 * {@link #text()}: ids are ARNs exactly as AWS writes them (paths included), so that another importer
 * naming the same role (a Kubernetes service account's {@code eks.amazonaws.com/role-arn}) joins it.
 */
record Arn(String text, String partition, String service, String region, String account, String resource) {
  static Optional<Arn> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
        || parts[5].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Arn(text, parts[1], parts[2], parts[3], parts[4], parts[5]));
  }

  /** The last segment of the resource: a role's or user's name without its path. */
  String lastName() {
    int slash = resource.lastIndexOf('/');
    int colon = resource.lastIndexOf(':');
    return resource.substring(Math.max(slash, colon) + 1);
  }

  /** Whether the account is a real 12-digit account id (AWS-managed resources say {@code aws}). */
  boolean hasAccountId() {
    return account.matches("\\d{12}");
  }
}
