package io.blastgate.importer.input.aws;

import io.blastgate.importer.input.aws.AwsEntities.Entity;
import io.blastgate.model.Label;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the principals of trust policies into {@code CAN_ASSUME} edges, stated on the principal (its
 * {@code can_assume} lists the role). Resolved once every page of the export is read, so that an
 * assumed-role session names a role listed on any page. Nothing is dropped silently: a principal that
 * is not an identity of the model is a tag on the role or a warning.
 *
 * <ul>
 *   <li>{@code AWS}: a user or role ARN, of this account or another, is that identity (a stub when the
 *       export does not list it); an account ({@code arn:…:iam::ACCT:root} or a bare 12-digit id) is
 *       the identity {@code arn:<partition>:iam::ACCT:root}, kind {@code role}; an STS session ({@code
 *       arn:…:sts::ACCT:assumed-role/ROLE/SESSION}) is role ROLE of ACCT; {@code *} is the identity
 *       {@link #ANYONE}; a unique id ({@code AROA…}, {@code AIDA…}) is what AWS leaves in a policy when
 *       the principal was deleted: a warning.</li>
 *   <li>{@code Federated}: a SAML or OIDC provider ARN is that identity, kind {@code application}; a
 *       web identity provider by name ({@code accounts.google.com}) is {@code aws:federated:<name>}.</li>
 *   <li>{@code Service}: the tag {@code trusted_service:<service>} on the role.</li>
 * </ul>
 */
final class TrustedPrincipals {
  /** Whoever: the principal {@code *}, the riskiest trust there is. */
  static final String ANYONE = "aws:anyone";

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern UNIQUE_ID = Pattern.compile("A(ROA|IDA|GPA|IPA|NPA|SIA|KIA)[A-Z0-9]{8,}");

  private final AwsEntities out;
  /** Roles listed by the export, by account and name (an assumed-role ARN has no path). */
  private final Map<String, String> roles = new HashMap<>();

  TrustedPrincipals(AwsEntities out) {
    this.out = out;
  }

  void listed(Arn role) {
    roles.putIfAbsent(role.account() + "/" + role.lastName(), role.text());
  }

  /** The {@code can_assume} edge from {@code principal} of the trust policy of {@code role}. */
  void resolve(Entity role, Arn roleArn, TrustPolicy.Principal principal, Checked in) {
    String at = in.at(principal.pointer());
    String value = principal.value().strip();
    Optional<Entity> from = switch (principal.type()) {
      case "AWS" -> aws(value, roleArn, at, in, principal.pointer());
      case "Federated" -> Optional.of(federated(value, at));
      case "Service" -> {
        role.add("tags", "trusted_service:" + value);
        yield Optional.empty();
      }
      default -> {
        in.warning(principal.pointer(), "a '" + principal.type() + "' principal is not mapped (a trust policy"
            + " trusts AWS, Federated and Service principals)");
        yield Optional.empty();
      }
    };
    from.ifPresent(e -> {
      if (e.id.equals(role.id)) {
        in.warning(principal.pointer(), "the role trusts itself; not mapped (an identity does not assume itself)");
      } else {
        e.add("can_assume", role.id);
      }
    });
  }

  private Optional<Entity> aws(String value, Arn role, String at, Checked in, String pointer) {
    if (value.equals("*")) {
      return Optional.of(out.stub(Label.IDENTITY, ANYONE, "role", "anyone (principal *)", at));
    }
    if (ACCOUNT.matcher(value).matches()) {
      return Optional.of(account(role.partition(), value, at));
    }
    if (UNIQUE_ID.matcher(value).matches()) {
      in.warning(pointer, "'" + value + "' is a unique id, which AWS leaves in a policy when the principal it"
          + " named was deleted: not mapped");
      return Optional.empty();
    }
    Optional<Arn> parsed = Arn.parse(value);
    if (parsed.isEmpty()) {
      in.warning(pointer, "'" + value + "' is neither an ARN, an account id nor '*': not mapped");
      return Optional.empty();
    }
    Arn arn = parsed.get();
    String resource = arn.resource();
    if (arn.service().equals("iam") && resource.equals("root")) {
      return Optional.of(account(arn.partition(), arn.account(), at));
    }
    if (arn.service().equals("iam") && resource.startsWith("role/")) {
      return Optional.of(out.stub(Label.IDENTITY, arn.text(), "role", arn.lastName(), at));
    }
    if (arn.service().equals("iam") && resource.startsWith("user/")) {
      return Optional.of(out.stub(Label.IDENTITY, arn.text(), "service_account", arn.lastName(), at));
    }
    if (arn.service().equals("sts") && resource.startsWith("assumed-role/") && resource.split("/").length >= 2) {
      String name = resource.split("/")[1];
      String listed = roles.get(arn.account() + "/" + name);
      String id = listed != null ? listed : "arn:" + arn.partition() + ":iam::" + arn.account() + ":role/" + name;
      return Optional.of(out.stub(Label.IDENTITY, id, "role", name, at));
    }
    if (arn.service().equals("sts") && resource.startsWith("federated-user/")) {
      return Optional.of(out.stub(Label.IDENTITY, arn.text(), "human", arn.lastName(), at));
    }
    in.warning(pointer, "the principal '" + value + "' is not a user, role, account or session: not mapped");
    return Optional.empty();
  }

  private Entity account(String partition, String account, String at) {
    return out.stub(Label.IDENTITY, "arn:" + partition + ":iam::" + account + ":root", "role",
        "AWS account " + account, at);
  }

  private Entity federated(String value, String at) {
    Optional<Arn> arn = Arn.parse(value);
    if (arn.isPresent()) {
      String resource = arn.get().resource();
      return out.stub(Label.IDENTITY, value, "application", resource.substring(resource.indexOf('/') + 1), at);
    }
    return out.stub(Label.IDENTITY, "aws:federated:" + value, "application", value, at);
  }
}
