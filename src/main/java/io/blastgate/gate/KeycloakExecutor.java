package io.blastgate.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.gate.KeycloakAdmin.KeycloakCallFailed;
import io.blastgate.gate.KeycloakMapping.Kind;
import io.blastgate.gate.KeycloakMapping.Target;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 *       next sign-in must set up a one-time-password device; undone, it is removed;
 *   <li>{@code restrict} on a user, or on a client's service account: every realm role mapped to it
 *       directly is removed, and their names are the result's memo, kept with the request; undone,
 *       those roles and only those are mapped again (one the realm no longer has is named, not made).
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
      Kind.USER, Set.of("disable_identity", "suspend", "quarantine_session", "step_up_auth", "restrict"),
      Kind.CLIENT, Set.of("disable_identity", "suspend", "rotate_credential", "revoke_credential", "restrict"));
  private static final ObjectMapper JSON = new ObjectMapper();

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
      if (order.action().equals("restrict")) {
        return order.undo() ? ExecutionResult.done(restoreRoles(target, order.memo()), 1) : removeRoles(target);
      }
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

  /** The user whose realm roles a restriction changes: the user, or the client's service account. */
  private String roleHolder(Target target) {
    return target.kind() == Kind.USER ? admin.userId(target.realm(), target.name())
        : admin.serviceAccountUserId(target.realm(), admin.clientUuid(target.realm(), target.name()));
  }

  private ExecutionResult removeRoles(Target target) {
    String holder = roleHolder(target);
    ArrayNode roles = admin.realmRoles(target.realm(), holder);
    ArrayNode names = JSON.createArrayNode();
    roles.forEach(r -> names.add(r.path("name").asText()));
    if (!roles.isEmpty()) {
      admin.removeRealmRoles(target.realm(), holder, roles);
    }
    return ExecutionResult.done(target + (roles.isEmpty() ? ": no realm role to remove"
        : ": realm roles removed: " + String.join(", ", texts(names))), 1, names.toString());
  }

  private String restoreRoles(Target target, String memo) {
    if (memo == null) {
      throw new KeycloakCallFailed("no record of the realm roles the restriction removed; nothing restored");
    }
    ArrayNode removed;
    try {
      removed = (ArrayNode) JSON.readTree(memo);
    } catch (java.io.IOException | ClassCastException e) {
      throw new KeycloakCallFailed("the record of the removed realm roles is not readable; nothing restored");
    }
    String holder = roleHolder(target);
    ArrayNode back = JSON.createArrayNode();
    List<String> gone = new ArrayList<>();
    for (String name : texts(removed)) {
      ObjectNode role = admin.realmRoleOrNull(target.realm(), name);
      if (role == null) {
        gone.add(name);
      } else {
        back.add(role);
      }
    }
    if (!back.isEmpty()) {
      admin.addRealmRoles(target.realm(), holder, back);
    }
    List<String> restored = new ArrayList<>();
    back.forEach(r -> restored.add(r.path("name").asText()));
    return target + (restored.isEmpty() ? ": no realm role to restore" : ": realm roles restored: "
        + String.join(", ", restored)) + (gone.isEmpty() ? "" : "; no longer in the realm, not restored: "
        + String.join(", ", gone));
  }

  private static List<String> texts(ArrayNode names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(n.asText()));
    return out;
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
