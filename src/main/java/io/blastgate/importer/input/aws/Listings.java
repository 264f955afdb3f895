package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.aws.AwsEntities.Entity;
import io.blastgate.model.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The listings read beside the authorization details: {@code aws lambda list-functions} (functions:
 * workloads that run as their execution role), {@code aws secretsmanager list-secrets} (secrets:
 * credentials of kind {@code secret}), {@code aws iam list-instance-profiles} (and {@code
 * …-for-role}), and {@code aws sts get-caller-identity} (the account, for the source's name). A
 * function {@code USES} a secret only where its data says so: an environment variable whose value is
 * a Secrets Manager ARN. The value of any other variable is never read into the graph.
 */
final class Listings {
  private final AwsEntities out;
  private final Problems problems;
  /** Secrets listed, by ARN, for the functions' environments (read after the secrets). */
  private final Map<String, String> secrets = new LinkedHashMap<>();

  Listings(AwsEntities out, Problems problems) {
    this.out = out;
    this.problems = problems;
  }

  void secrets(Path file, String shown) throws IOException {
    each(file, shown, "SecretList", (secret, at) -> {
      Checked in = new Checked(shown, problems);
      String arn = in.required(secret, at, "ARN", "a secret is named by its ARN");
      if (arn == null) {
        return;
      }
      Entity c = out.listed(Label.CREDENTIAL, arn, "secret", in.text(secret, at, "Name"), in.at(at));
      secrets.put(arn, arn);
      c.set("status", secret.hasNonNull("DeletedDate") ? "revoked" : "active");
      c.set("created_at", time(secret, at, secret.hasNonNull("LastRotatedDate") ? "LastRotatedDate" : "CreatedDate", in));
      c.set("last_used_at", time(secret, at, "LastAccessedDate", in));
      Tags.apply(c, secret, at, in, out);
    });
  }

  void functions(Path file, String shown) throws IOException {
    each(file, shown, "Functions", (function, at) -> {
      Checked in = new Checked(shown, problems);
      String arn = in.required(function, at, "FunctionArn", "a function is named by its ARN");
      if (arn == null) {
        return;
      }
      Entity w = out.listed(Label.WORKLOAD, arn, "function", in.text(function, at, "FunctionName"), in.at(at));
      String role = in.required(function, at, "Role", "a function runs as its execution role");
      if (role != null) {
        out.stub(Label.IDENTITY, role, "role", Arn.parse(role).map(Arn::lastName).orElse(role), in.at(at + "/Role"));
        w.add("runs_as", role);
      }
      JsonNode variables = function.path("Environment").path("Variables");
      if (variables.isObject()) {
        variables.properties().forEach(v -> {
          if (v.getValue().isTextual()) {
            usesSecret(w, v.getValue().textValue().strip(), in.at(at + "/Environment/Variables" + JsonFile.step(v.getKey())));
          }
        });
      }
    });
  }

  /** A variable's value that is a Secrets Manager ARN (whole, or without AWS's 6-character suffix). */
  private void usesSecret(Entity function, String value, String at) {
    Arn arn = Arn.parse(value).orElse(null);
    if (arn == null || !arn.service().equals("secretsmanager") || !arn.resource().startsWith("secret:")) {
      return;
    }
    String id = secrets.containsKey(value) ? value : secrets.keySet().stream()
        .filter(listed -> listed.startsWith(value + "-") && listed.length() == value.length() + 7)
        .findFirst().orElse(value);
    out.stub(Label.CREDENTIAL, id, "secret", arn.lastName(), at);
    function.add("uses", id);
  }

  void instanceProfiles(Path file, String shown) throws IOException {
    each(file, shown, "InstanceProfiles", (profile, at) ->
        AuthorizationDetails.instanceProfile(profile, at, new Checked(shown, problems), out));
  }

  /** The account of {@code aws sts get-caller-identity}, or null. */
  String account(Path file, String shown) throws IOException {
    String[] account = new String[1];
    JsonFile.stream(file, shown, problems, new JsonFile.Members() {
      @Override
      public void member(String name, JsonNode value) {
        if (name.equals("Account") && value.isTextual()) {
          account[0] = value.textValue();
        }
      }

      @Override
      public void element(String array, int index, JsonNode value) {}
    });
    return account[0];
  }

  private String time(JsonNode object, String at, String field, Checked in) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return AwsTime.parse(value).orElseGet(() -> {
      in.error(at + JsonFile.step(field), "'" + field + "' must be a date and time, got " + JsonFile.describe(value));
      return null;
    });
  }

  /** Each object of the top-level array {@code list}; a paginated listing's next token is a warning. */
  private void each(Path file, String shown, String list, BiConsumer<JsonNode, String> object) throws IOException {
    Checked in = new Checked(shown, problems);
    JsonFile.stream(file, shown, problems, new JsonFile.Members() {
      @Override
      public void member(String name, JsonNode value) {
        if (name.equals(list)) {
          in.error(JsonFile.step(name), "'" + name + "' must be an array, got " + JsonFile.describe(value));
        } else if (List.of("NextMarker", "NextToken", "Marker").contains(name) && !value.isNull()) {
          in.warning(JsonFile.step(name), "this is one page of a longer listing: the rest is missing");
        } else if (!name.equals("IsTruncated")) {
          in.warning(JsonFile.step(name), "'" + name + "' is not read");
        }
      }

      @Override
      public void element(String array, int index, JsonNode value) {
        String at = JsonFile.step(array) + "/" + index;
        if (!array.equals(list)) {
          out.unmapped(in.at(JsonFile.step(array)), "items of '" + array + "' not read", 1);
        } else if (in.object(value, at, "an item of '" + list + "'")) {
          object.accept(value, at);
        }
      }
    });
  }
}
