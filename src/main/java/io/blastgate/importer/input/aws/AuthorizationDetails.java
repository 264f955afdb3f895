package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.aws.AwsEntities.Entity;
import io.blastgate.model.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One page (or the CLI's merged pages) of {@code aws iam get-account-authorization-details}: users and
 * roles become identities (id = ARN, verbatim), the instance profiles of roles become workloads that
 * run as their roles, trust policies are kept for {@link TrustedPrincipals} once every page is read.
 * Groups and policies grant permissions, which the model does not hold: they are counted as warnings
 * (a user's groups are kept in its {@code tags} as {@code aws_group:<name>}).
 */
final class AuthorizationDetails {
  /** A role's trust policy, read, to be resolved once every page is read. */
  record Trust(Entity role, Arn arn, List<TrustPolicy.Principal> principals, Checked in) {}

  private final AwsEntities out;
  private final TrustedPrincipals principals;
  private final List<Trust> trusts;
  private final Consumer<String> accountSeen;

  AuthorizationDetails(AwsEntities out, TrustedPrincipals principals, List<Trust> trusts, Consumer<String> accountSeen) {
    this.out = out;
    this.principals = principals;
    this.trusts = trusts;
    this.accountSeen = accountSeen;
  }

  boolean read(Path file, String shown, Problems problems) throws IOException {
    Checked in = new Checked(shown, problems);
    return JsonFile.stream(file, shown, problems, new JsonFile.Members() {
      @Override
      public void member(String name, JsonNode value) {
        switch (name) {
          case "IsTruncated" -> {
            if (value.asBoolean(false)) {
              in.warning("/IsTruncated", "this is one page of a longer output (IsTruncated): users, roles and"
                  + " groups on the other pages are missing unless their pages are imported with it (in one folder);"
                  + " those it refers to are stubs");
            }
          }
          case "Marker" -> {}
          case "UserDetailList", "RoleDetailList", "GroupDetailList", "Policies" ->
              in.error(JsonFile.step(name), "'" + name + "' must be an array, got " + JsonFile.describe(value));
          default -> in.warning(JsonFile.step(name), "'" + name + "' is not read");
        }
      }

      @Override
      public void element(String array, int index, JsonNode value) {
        String at = JsonFile.step(array) + "/" + index;
        switch (array) {
          case "UserDetailList" -> {
            if (in.object(value, at, "a user")) {
              user(value, at, in);
            }
          }
          case "RoleDetailList" -> {
            if (in.object(value, at, "a role")) {
              role(value, at, in);
            }
          }
          case "GroupDetailList" -> {
            out.unmapped(in.at("/GroupDetailList"), "groups not mapped: IAM groups grant permissions and own"
                + " nothing; their members carry aws_group:<name> in their tags", 1);
            if (value.isObject()) {
              policies(value, "GroupPolicyList", in, "/GroupDetailList");
            }
          }
          case "Policies" -> out.unmapped(in.at("/Policies"), "managed policies not mapped: the model holds who"
              + " may act as whom, not permissions", 1);
          default -> out.unmapped(in.at(JsonFile.step(array)), "items of '" + array + "' not read", 1);
        }
      }
    });
  }

  private void user(JsonNode user, String at, Checked in) {
    String arn = in.required(user, at, "Arn", "a user is named by its ARN");
    if (arn == null) {
      return;
    }
    Arn parsed = Arn.parse(arn).orElse(null);
    if (parsed == null) {
      in.error(at + "/Arn", "'" + arn + "' is not an ARN (arn:aws:iam::123456789012:user/name)");
      return;
    }
    accountSeen.accept(parsed.account());
    String name = in.text(user, at, "UserName");
    Entity e = out.listed(Label.IDENTITY, arn, "service_account", name != null ? name : parsed.lastName(), in.at(at));
    e.user = true;
    for (JsonNode group : in.array(user, at, "GroupList")) {
      if (group.isTextual()) {
        e.add("tags", "aws_group:" + group.textValue());
      }
    }
    Tags.apply(e, user, at, in, out);
    policies(user, "UserPolicyList", in, "/UserDetailList");
  }

  private void role(JsonNode role, String at, Checked in) {
    String arn = in.required(role, at, "Arn", "a role is named by its ARN");
    if (arn == null) {
      return;
    }
    Arn parsed = Arn.parse(arn).orElse(null);
    if (parsed == null) {
      in.error(at + "/Arn", "'" + arn + "' is not an ARN (arn:aws:iam::123456789012:role/path/name)");
      return;
    }
    accountSeen.accept(parsed.account());
    String name = in.text(role, at, "RoleName");
    Entity e = out.listed(Label.IDENTITY, arn, "role", name != null ? name : parsed.lastName(), in.at(at));
    principals.listed(parsed);
    Tags.apply(e, role, at, in, out);
    JsonNode document = role.get(TrustPolicy.FIELD);
    if (document == null || document.isNull()) {
      in.warning(at, "the role has no '" + TrustPolicy.FIELD + "': nobody is known to assume it");
    } else {
      trusts.add(new Trust(e, parsed, TrustPolicy.principals(document, at + "/" + TrustPolicy.FIELD, in), in));
    }
    List<JsonNode> profiles = in.array(role, at, "InstanceProfileList");
    for (int i = 0; i < profiles.size(); i++) {
      String p = at + "/InstanceProfileList/" + i;
      if (in.object(profiles.get(i), p, "an instance profile")) {
        instanceProfile(profiles.get(i), p, in, out).ifPresent(w -> w.add("runs_as", arn));
      }
    }
    policies(role, "RolePolicyList", in, "/RoleDetailList");
  }

  /** Counts what an identity or group holds that grants permissions: inline and attached policies. */
  private void policies(JsonNode object, String inline, Checked in, String list) {
    out.unmapped(in.at(list), "inline policies not mapped (permissions)", Checked.count(object, inline));
    out.unmapped(in.at(list), "managed policy attachments not mapped (permissions)",
        Checked.count(object, "AttachedManagedPolicies"));
    out.unmapped(in.at(list), "permissions boundaries not mapped", Checked.count(object, "PermissionsBoundary"));
  }

  /**
   * An instance profile (here, in a role's list, or in {@code aws iam list-instance-profiles}): a
   * workload of kind {@code service}, id its ARN, that runs as each role it holds. The EC2 instances
   * that use it are not in these exports; the profile stands for them.
   */
  static Optional<Entity> instanceProfile(JsonNode profile, String at, Checked in, AwsEntities out) {
    String arn = in.required(profile, at, "Arn", "an instance profile is named by its ARN");
    if (arn == null) {
      return Optional.empty();
    }
    String name = in.text(profile, at, "InstanceProfileName");
    Entity w = out.listed(Label.WORKLOAD, arn, "service", name, in.at(at));
    List<JsonNode> roles = in.array(profile, at, "Roles");
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      String r = at + "/Roles/" + i;
      if (in.object(roles.get(i), r, "a role")) {
        String role = in.required(roles.get(i), r, "Arn", "a role is named by its ARN");
        if (role != null) {
          arns.add(role);
          String roleName = in.text(roles.get(i), r, "RoleName");
          out.stub(Label.IDENTITY, role, "role", roleName != null ? roleName : role, in.at(r));
        }
      }
    }
    arns.forEach(role -> w.add("runs_as", role));
    Tags.apply(w, profile, at, in, out);
    return Optional.of(w);
  }
}
