package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.JsonSyntax;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A role's trust policy ({@code AssumeRolePolicyDocument}): who may assume the role. The CLI prints it
 * as a JSON object; the API returns it URL-encoded (RFC 3986, {@code %7B%22Version%22…}), and both are
 * read. Only what says who may assume is taken: each {@code Allow} statement whose {@code Action} names
 * an assume action ({@code sts:AssumeRole}, {@code sts:AssumeRoleWithSAML}, {@code
 * sts:AssumeRoleWithWebIdentity}, or a wildcard covering them) gives its principals; {@code Condition}s
 * are not evaluated (the edge says the policy lets the principal ask). What cannot be mapped ({@code
 * Deny}, {@code NotPrincipal}, {@code NotAction}) is a warning at its statement.
 */
final class TrustPolicy {
  static final String FIELD = "AssumeRolePolicyDocument";

  /** One principal of an Allow statement: its type ({@code AWS}, {@code Service}, {@code Federated}, …). */
  record Principal(String type, String value, String pointer) {}

  private TrustPolicy() {}

  /**
   * The principals of {@code document} (the member's value), found at {@code pointer}; problems of its
   * shape are reported through {@code in}. Pointers inside a URL-encoded document point into its decoded
   * JSON, after the member's own pointer.
   */
  static List<Principal> principals(JsonNode document, String pointer, Checked in) {
    JsonNode policy = decoded(document, pointer, in);
    List<Principal> found = new ArrayList<>();
    if (policy == null || !in.object(policy, pointer, "the trust policy")) {
      return found;
    }
    JsonNode statements = policy.get("Statement");
    if (statements == null || statements.isNull()) {
      in.warning(pointer, "the trust policy has no 'Statement': nobody may assume this role");
      return found;
    }
    if (statements.isObject()) {
      statement(statements, pointer + "/Statement", in, found);
    } else if (statements.isArray()) {
      for (int i = 0; i < statements.size(); i++) {
        String at = pointer + "/Statement/" + i;
        if (in.object(statements.get(i), at, "a statement")) {
          statement(statements.get(i), at, in, found);
        }
      }
    } else {
      in.error(pointer + "/Statement", "'Statement' must be an object or an array of objects, got "
          + JsonFile.describe(statements));
    }
    return found;
  }

  /** The policy as JSON: the object itself, or the text decoded (URL-encoded or plain JSON text). */
  private static JsonNode decoded(JsonNode document, String pointer, Checked in) {
    if (document.isObject()) {
      return document;
    }
    if (!document.isTextual()) {
      in.error(pointer, "'" + FIELD + "' must be a policy document (a JSON object, or its URL-encoded text),"
          + " got " + JsonFile.describe(document));
      return null;
    }
    String text = document.textValue().strip();
    boolean encoded = !text.startsWith("{");
    String json;
    try {
      json = encoded ? percentDecode(text) : text;
    } catch (IllegalArgumentException e) {
      in.error(pointer, "'" + FIELD + "' is neither JSON nor URL-encoded JSON: " + e.getMessage());
      return null;
    }
    try {
      return JsonFile.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      in.error(pointer, "'" + FIELD + "' is not a JSON policy document" + (encoded ? " once URL-decoded" : "")
          + ": " + JsonSyntax.describe(e));
      return null;
    }
  }

  /**
   * RFC 3986 percent-decoding, UTF-8. Unlike {@code application/x-www-form-urlencoded}, a '+' stays a
   * '+' (AWS encodes a space as %20), so that a principal such as {@code user/a+b} keeps its name.
   */
  static String percentDecode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException("'%' at character " + (i + 1) + " is not followed by two hex digits");
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void statement(JsonNode statement, String at, Checked in, List<Principal> found) {
    String effect = in.text(statement, at, "Effect");
    if (statement.has("NotPrincipal")) {
      in.warning(at + "/NotPrincipal", "a statement with 'NotPrincipal' is not mapped: it trusts everyone but"
          + " the principals it names, which the model cannot say");
    }
    if (statement.has("NotAction")) {
      in.warning(at + "/NotAction", "a statement with 'NotAction' is not mapped");
      return;
    }
    JsonNode action = statement.get("Action");
    if (action == null || action.isNull()) {
      in.warning(at, "a statement without 'Action' is not mapped");
      return;
    }
    if (in.oneOrMany(action, at + "/Action", "Action").stream().noneMatch(TrustPolicy::assumes)) {
      return;
    }
    if (!"Allow".equals(effect)) {
      in.warning(at + "/Effect", "a trust statement with effect '" + effect + "' is not mapped: only Allow"
          + " statements become CAN_ASSUME, and a Deny here is not subtracted from them");
      return;
    }
    JsonNode principal = statement.get("Principal");
    if (principal == null || principal.isNull()) {
      if (!statement.has("NotPrincipal")) {
        in.warning(at, "an Allow statement without 'Principal' trusts nobody");
      }
      return;
    }
    String p = at + "/Principal";
    if (principal.isTextual()) {
      found.add(new Principal("AWS", principal.textValue(), p));
      return;
    }
    if (!in.object(principal, p, "'Principal'")) {
      return;
    }
    principal.properties().forEach(e -> {
      String typeAt = p + JsonFile.step(e.getKey());
      for (String value : in.oneOrMany(e.getValue(), typeAt, e.getKey())) {
        found.add(new Principal(e.getKey(), value, typeAt));
      }
    });
  }

  /** Whether an action (case-insensitive, '*' and '?' wildcards) covers assuming a role. */
  static boolean assumes(String action) {
    StringBuilder glob = new StringBuilder();
    for (char c : action.toLowerCase(Locale.ROOT).toCharArray()) {
      glob.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    String pattern = glob.toString();
    return List.of("sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity").stream()
        .anyMatch(assume -> assume.matches(pattern));
  }
}
