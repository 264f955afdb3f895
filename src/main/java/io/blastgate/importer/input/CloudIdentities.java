package io.blastgate.importer.input;

import io.blastgate.model.Label;
import java.util.List;

/**
 * The cloud identities a ServiceAccount's workload-identity annotations let its pods assume: each a
 * {@code CAN_ASSUME} to an identity of kind {@code role}, asserted here as a stub (id and name) with
 * the id the cloud's own importer gives it, so that the two imports meet on one node whatever their
 * order: an EKS role by its ARN as written (the AWS importer's ids are ARNs), a GKE service account
 * {@code gcp:serviceaccount/<email>}, an Azure managed identity or app {@code azure:client/<client-id>}.
 */
final class CloudIdentities {
  static final String EKS = "eks.amazonaws.com/role-arn";
  static final String GKE = "iam.gke.io/gcp-service-account";
  static final String AZURE = "azure.workload.identity/client-id";

  private final PlacedEntities entities;

  CloudIdentities(PlacedEntities entities) {
    this.entities = entities;
  }

  /** Records what the account {@code accountId} may assume, from its {@code annotations}. */
  void assumed(String accountId, YamlNode annotations) {
    for (String key : List.of(EKS, GKE, AZURE)) {
      String value = annotations.text(key);
      if (value == null || value.isBlank()) {
        continue;
      }
      String written = value.strip();
      String place = annotations.child(key).place();
      String id = switch (key) {
        case EKS -> written;
        case GKE -> "gcp:serviceaccount/" + written;
        default -> "azure:client/" + written;
      };
      if (key.equals(EKS) && !written.startsWith("arn:")) {
        annotations.child(key).warning("'" + written + "' is not an ARN (arn:aws:iam::<account>:role/<name>); it is"
            + " kept as written, and will join an AWS import only if that import names the role the same way");
      }
      if (entities.assertEntity(Label.IDENTITY, id, "role", place, false)) {
        entities.set(id, "name", key.equals(EKS) ? written.substring(written.lastIndexOf('/') + 1) : written, place);
        entities.add(accountId, "can_assume", id, place);
      }
    }
  }
}
