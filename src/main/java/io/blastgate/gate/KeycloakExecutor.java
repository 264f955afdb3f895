package io.blastgate.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.gate.KeycloakAdmin.KeycloakCallFailed;
import io.blastgate.gate.KeycloakMapping.Kind;
import io.blastgate.gate.KeycloakMapping.Target;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries the ladder out in Keycloak, through its Admin REST API (docs/executors.md, "Keycloak"). The
 * mapping of {@link KeycloakSettings} says which graph ids are Keycloak users and clients; on them:
 *
 * <ul>
 *   <li>{@code disable_identity}, {@code suspend}: the user or the client is disabled ({@code enabled:
 *       false}); undone, enabled again;
 *   <li>{@code rotate_credential}, {@code revoke_credential} on a client: its secret is regenerated, so
 *       the old one stops working at once (Keycloak cannot leave a confidential client without a
 *       secret, so revoking is regenerating too); cannot be undone;
 *   <li>{@code quarantine_session} on a user: every session of the user ends; undoing has nothing to
 *       restore (the user signs in again);
 *   <li>{@code step_up_auth} on a user: the required action {@code CONFIGURE_TOTP} is added, so the
 *       next sign-in must set up a one-time-password device; undone, it is removed.
 * </ul>
 *
 * Each action reads the state first and changes only what differs, so the same order twice leaves
 * the state as the first left it; a rotation records its idempotency key on the client (attribute
 * {@value #ROTATED_BY}) and does not rotate again for the same key.
 */
public final class KeycloakExecutor implements Executor {
  static final String ROTATED_BY = "blastgate.rotated-by";
  static final String STEP_UP_ACTION = "CONFIGURE_TOTP";

  private static final Map<Kind, Set<String>> ACTIONS = Map.of(
      Kind.USER, Set.of("disable_identity", "suspend", "quarantine_session", "step_up_auth"),
      Kind.CLIENT, Set.of("disable_identity", "suspend", "rotate_credential", "revoke_credential"));

  private final KeycloakSettings settings;
  private final KeycloakAdmin admin;

  public KeycloakExecutor(KeycloakSettings settings) {
    this(settings, Clock.systemUTC());
  }

  KeycloakExecutor(KeycloakSettings settings, Clock clock) {
    this.settings = settings;
    this.admin = new KeycloakAdmin(settings, clock);
  }

  @Override
  public String name() {
    return "keycloak";
  }

  /** True when the mapping resolves the target and the action is one Keycloak carries out on it. */
  @Override
  public boolean handles(ExecutionOrder order) {
    return settings.mapping().resolve(order.targetId())
        .map(target -> ACTIONS.get(target.kind()).contains(order.action()))
        .orElse(false);
  }

  @Override
  public ExecutionResult execute(ExecutionOrder order) {
    Optional<Target> resolved = settings.mapping().resolve(order.targetId());
    if (resolved.isEmpty()) {
      return ExecutionResult.failed("no Keycloak mapping matches " + order.targetId(), 0);
    }
    Target target = resolved.get();
    if (!ACTIONS.get(target.kind()).contains(order.action())) {
      return ExecutionResult.failed(order.action() + " is not carried out in Keycloak on a "
          + target.kind().name().toLowerCase(java.util.Locale.ROOT), 0);
    }
    try {
      return ExecutionResult.done(carryOut(order, target), 1);
    } catch (KeycloakCallFailed e) {
      return ExecutionResult.failed(target + ": " + e.getMessage(), 1);
    }
  }

  private String carryOut(ExecutionOrder order, Target target) {
    return switch (order.action()) {
      case "disable_identity", "suspend" -> setEnabled(target, order.undo());
      case "quarantine_session" -> order.undo()
          ? target + ": nothing to restore (revoked sessions end; the user signs in again)"
          : revokeSessions(target);
      case "step_up_auth" -> stepUp(target, !order.undo());
      case "rotate_credential", "revoke_credential" -> {
        if (order.undo()) {
          throw new KeycloakCallFailed("a regenerated secret cannot be restored");
        }
        yield regenerateSecret(target, order.idempotencyKey());
      }
      default -> throw new KeycloakCallFailed(order.action() + " is not carried out in Keycloak");
    };
  }

  private String setEnabled(Target target, boolean enabled) {
    String realm = target.realm();
    String state = enabled ? "enabled" : "disabled";
    if (target.kind() == Kind.USER) {
      String id = admin.userId(realm, target.name());
      ObjectNode user = admin.user(realm, id);
      if (user.path("enabled").asBoolean(true) == enabled) {
        return target + " already " + state;
      }
      user.put("enabled", enabled);
      admin.updateUser(realm, id, user);
    } else {
      String uuid = admin.clientUuid(realm, target.name());
      ObjectNode client = admin.client(realm, uuid);
      if (client.path("enabled").asBoolean(true) == enabled) {
        return target + " already " + state;
      }
      client.put("enabled", enabled);
      admin.updateClient(realm, uuid, client);
    }
    return target + " " + state;
  }

  private String revokeSessions(Target target) {
    admin.logout(target.realm(), admin.userId(target.realm(), target.name()));
    return target + ": every session revoked";
  }

  private String stepUp(Target target, boolean require) {
    String realm = target.realm();
    String id = admin.userId(realm, target.name());
    ObjectNode user = admin.user(realm, id);
    ArrayNode actions = user.withArrayProperty("requiredActions");
    int at = -1;
    for (int i = 0; i < actions.size(); i++) {
      if (STEP_UP_ACTION.equals(actions.get(i).asText())) {
        at = i;
      }
    }
    if (require == (at >= 0)) {
      return target + (require ? " already must" : " already need not") + " set up a one-time password";
    }
    if (require) {
      actions.add(STEP_UP_ACTION);
    } else {
      actions.remove(at);
    }
    admin.updateUser(realm, id, user);
    return target + (require ? " must set up a one-time password at the next sign-in"
        : ": one-time-password set-up no longer required");
  }

  private String regenerateSecret(Target target, String idempotencyKey) {
    String realm = target.realm();
    String uuid = admin.clientUuid(realm, target.name());
    ObjectNode client = admin.client(realm, uuid);
    ObjectNode attributes = client.withObjectProperty("attributes");
    if (idempotencyKey.equals(attributes.path(ROTATED_BY).asText(null))) {
      return target + ": secret already regenerated for this order";
    }
    // Regenerate first, then record the key: a crash in between rotates twice, never zero times.
    admin.regenerateSecret(realm, uuid);
    ObjectNode fresh = admin.client(realm, uuid);
    fresh.withObjectProperty("attributes").put(ROTATED_BY, idempotencyKey);
    fresh.remove("secret");
    admin.updateClient(realm, uuid, fresh);
    return target + ": secret regenerated (the old one no longer works)";
  }
}
