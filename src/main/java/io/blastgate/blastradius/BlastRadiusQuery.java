package io.blastgate.blastradius;

import io.blastgate.graph.CypherQuery;

/** The Cypher files of the blast radius, under {@code cypher/queries/blastradius/}. */
enum BlastRadiusQuery implements CypherQuery {
  BLAST_RADIUS("blast-radius"),
  RESOLVE_TARGET("resolve-target"),
  IDENTITIES_ASSUMING("identities-assuming"),
  WORKLOADS_USING_CREDENTIAL("workloads-using-credential"),
  WORKLOADS_OF_IDENTITIES("workloads-of-identities"),
  WORKLOAD_IF_ACTIVE("workload-if-active"),
  DEPENDANTS("dependants"),
  WORKLOAD_DETAILS("workload-details"),
  CREDENTIALS_OF_IDENTITY("credentials-of-identity"),
  CREDENTIAL_REACH("credential-reach"),
  SOURCE_FRESHNESS("source-freshness"),
  TARGET_CONTAINMENT("target-containment");

  private final String file;

  BlastRadiusQuery(String name) {
    this.file = "blastradius/" + name + ".cypher";
  }

  @Override
  public String file() {
    return file;
  }
}
