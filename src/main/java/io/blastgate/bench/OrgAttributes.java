package io.blastgate.bench;

import io.blastgate.bench.Mix.Draw;
import java.time.Instant;

/**
 * The properties of synthetic entities: kinds, statuses, criticality, environments, timestamps, each
 * drawn from a fixed distribution by {@link Mix}. A null means "absent", as a real inventory leaves
 * some fields empty.
 */
final class OrgAttributes {
  /** Timestamps fall between this instant (2023-01-01) and about 2026-11. */
  static final long EPOCH_SECONDS = 1_672_531_200L;
  static final int DAYS = 1_400;
  static final long DAY = 86_400L;

  /** Values with weights in percent; a null value means the property is absent. */
  record Weighted(String[] values, int[] weights) {
    Weighted {
      int sum = 0;
      for (int w : weights) {
        sum += w;
      }
      if (values.length != weights.length || sum != 100) {
        throw new IllegalArgumentException("weights must match values and add up to 100");
      }
    }

    static Weighted of(Object... valueWeightPairs) {
      int n = valueWeightPairs.length / 2;
      String[] values = new String[n];
      int[] weights = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = (String) valueWeightPairs[2 * i];
        weights[i] = (Integer) valueWeightPairs[2 * i + 1];
      }
      return new Weighted(values, weights);
    }

    String pick(long hash) {
      int x = Mix.below(hash, 100);
      for (int i = 0; i < values.length; i++) {
        x -= weights[i];
        if (x < 0) {
          return values[i];
        }
      }
      throw new AssertionError("weights add up to 100");
    }
  }

  static final Weighted TOP_KINDS =
      Weighted.of("service", 30, "job", 25, "pipeline", 20, "function", 15, "integration", 10);
  static final Weighted MIDDLE_KINDS = Weighted.of("service", 85, "function", 10, "integration", 5);
  static final Weighted BOTTOM_KINDS = Weighted.of("datastore", 80, "service", 20);
  static final Weighted CRITICALITY =
      Weighted.of("critical", 5, "high", 20, "medium", 35, "low", 30, null, 10);
  static final Weighted BOTTOM_CRITICALITY =
      Weighted.of("critical", 20, "high", 40, "medium", 25, "low", 5, null, 10);
  static final Weighted ENVIRONMENT = Weighted.of("prod", 60, "staging", 20, "dev", 15, "sandbox", 5);
  static final Weighted WORKLOAD_STATUS = Weighted.of("active", 98, "decommissioned", 2);
  static final Weighted IDENTITY_STATUS = Weighted.of("active", 96, "disabled", 3, "suspended", 1);
  static final Weighted CREDENTIAL_STATUS =
      Weighted.of("active", 90, "rotated", 4, "expired", 4, "revoked", 2);
  static final Weighted PRIVATE_CREDENTIAL_KINDS =
      Weighted.of(
          "secret", 35, "api_token", 20, "access_key", 15, "client_secret", 10, "certificate", 10,
          "ssh_key", 5, "session", 5);
  static final Weighted SHARED_CREDENTIAL_KINDS =
      Weighted.of("api_token", 35, "secret", 35, "access_key", 15, "client_secret", 15);
  static final Weighted HUMAN_CREDENTIAL_KINDS = Weighted.of("password", 70, "ssh_key", 30);

  private final long seed;

  OrgAttributes(long seed) {
    this.seed = seed;
  }

  String workloadKind(int w, OrgShape.Place p) {
    Weighted table = p.layer() == 0 ? TOP_KINDS : p.bottom() ? BOTTOM_KINDS : MIDDLE_KINDS;
    return table.pick(Mix.hash(seed, Draw.WL_KIND, w));
  }

  /** Foundations (the bottom layer) are more often critical. */
  String criticality(int w, OrgShape.Place p) {
    return (p.bottom() ? BOTTOM_CRITICALITY : CRITICALITY).pick(Mix.hash(seed, Draw.WL_CRITICALITY, w));
  }

  /** Mostly the team's environment; one workload in ten is elsewhere. */
  String environment(int w, int team) {
    long own = Mix.hash(seed, Draw.WL_ENVIRONMENT, w);
    return Mix.unit(own) < 0.10
        ? ENVIRONMENT.pick(Mix.hash(seed, Draw.WL_ENVIRONMENT, w, 1))
        : ENVIRONMENT.pick(Mix.hash(seed, Draw.TEAM, team));
  }

  String workloadStatus(int w) {
    return WORKLOAD_STATUS.pick(Mix.hash(seed, Draw.WL_STATUS, w));
  }

  String identityStatus(int i) {
    return IDENTITY_STATUS.pick(Mix.hash(seed, Draw.ID_STATUS, i));
  }

  /** About one identity in a hundred is protected (break-glass admins, the CI deployer). */
  boolean isProtected(int i) {
    return Mix.below(Mix.hash(seed, Draw.ID_TAGS, i), 100) == 0;
  }

  String credentialStatus(int c) {
    return CREDENTIAL_STATUS.pick(Mix.hash(seed, Draw.CRED_STATUS, c));
  }

  String credentialKind(int c, Weighted table) {
    return table.pick(Mix.hash(seed, Draw.CRED_KIND, c));
  }

  /** created_at, expires_at (or null), last_used_at (or null), as RFC 3339 in UTC. */
  String[] credentialTimes(int c) {
    long created =
        EPOCH_SECONDS
            + Mix.below(Mix.hash(seed, Draw.CRED_TIMES, c), DAYS - 60) * DAY
            + Mix.below(Mix.hash(seed, Draw.CRED_TIMES, c, 1), 24 * 60) * 60L;
    String expires =
        Mix.unit(Mix.hash(seed, Draw.CRED_TIMES, c, 2)) < 0.40
            ? Instant.ofEpochSecond(created + 365 * DAY).toString()
            : null;
    long left = (EPOCH_SECONDS + DAYS * DAY - created) / DAY;
    String lastUsed =
        Mix.unit(Mix.hash(seed, Draw.CRED_TIMES, c, 3)) < 0.70
            ? Instant.ofEpochSecond(
                    created + Mix.below(Mix.hash(seed, Draw.CRED_TIMES, c, 4), (int) left) * DAY)
                .toString()
            : null;
    return new String[] {Instant.ofEpochSecond(created).toString(), expires, lastUsed};
  }
}
