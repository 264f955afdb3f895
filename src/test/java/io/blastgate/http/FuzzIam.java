package io.blastgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's mistakes in an AWS IAM export: in {@code get-account-authorization-details} (trust
 * policies URL-encoded and then half decoded, cut or badly escaped; a {@code Principal}, an {@code
 * Action} or a list of the wrong type; ARNs that are not ARNs; members of the wrong type) and in the
 * credential report (columns missing or added, cells that are not dates or booleans, a row cut short).
 */
final class FuzzIam {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] LISTS = {"UserDetailList", "RoleDetailList", "GroupDetailList", "Policies"};
  private static final String[] BAD_ARNS = {"", "arn", "arn:aws", "arn:aws:iam::", "arn:aws:iam::1:role/",
    "arn:aws:iam::111122223333:role", "not-an-arn", "arn:aws:iam::111122223333:user/a b", "arn:aws:s3:::bucket",
    "arn:aws:iam::111122223333:root/extra", "arn:aws:sts::111122223333:assumed-role/", "AROAXXXXXXXXXXXXXXXXX",
    "arn:aws:iam::111122223333:role/" + "r".repeat(70_000), "arn:aws:iam::111122223333:role/" + RealSamples.LONE_SURROGATE + "x",
    "arn:aws:iam::111122223333:role/a#b", "arn:aws:iam::111122223333:role/\u0000", "*", "123", "1234567890123"};

  private FuzzIam() {}

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One mistake of meaning in the export's tree. */
  static void spoil(Random r, ObjectNode details) {
    ObjectNode role = element(r, details, "RoleDetailList");
    ObjectNode anyone = element(r, details, FuzzBundles.pick(r, "UserDetailList", "RoleDetailList"));
    switch (r.nextInt(12)) {
      case 0, 1 -> role.put("AssumeRolePolicyDocument", halfEncoded(r, role.path("AssumeRolePolicyDocument")));
      case 2, 3 -> statement(role).set("Principal", wrong(r,
          NODES.numberNode(3), NODES.arrayNode().add("*"), NODES.objectNode().put("AWS", 5),
          NODES.objectNode().set("AWS", NODES.arrayNode().add(1).addNull()), NODES.objectNode().set("AWS", NODES.objectNode()),
          NODES.textNode("arn:aws:iam::111122223333:root"), NODES.objectNode().put("Service", true),
          NODES.objectNode().put("Federated", ""), NODES.objectNode().put("CanonicalUser", "x"), NODES.nullNode(),
          NODES.objectNode().put("AWS", FuzzBundles.pick(r, BAD_ARNS))));
      case 4 -> statement(role).set(FuzzBundles.pick(r, "Action", "Effect", "Statement", "Condition"), wrong(r,
          NODES.booleanNode(true), NODES.numberNode(7), NODES.textNode("Maybe"), NODES.arrayNode().add(NODES.arrayNode()),
          NODES.objectNode()));
      case 5 -> role.set("AssumeRolePolicyDocument", wrong(r, NODES.numberNode(1), NODES.arrayNode(),
          NODES.textNode(""), NODES.textNode("%7B"), NODES.textNode("{\"Statement\": {}}"),
          NODES.objectNode().put("Statement", "x"), NODES.objectNode().set("Statement", NODES.objectNode()),
          NODES.textNode("%7B%22Version%22%3A%222012-10-17%22%7D%7D")));
      case 6, 7 -> anyone.put("Arn", FuzzBundles.pick(r, BAD_ARNS));
      case 8 -> anyone.set(FuzzBundles.pick(r, "Arn", "UserName", "RoleName", "Tags", "GroupList", "InstanceProfileList"),
          wrong(r, NODES.numberNode(1), NODES.objectNode(), NODES.textNode("x"), NODES.arrayNode().add(3),
              NODES.arrayNode().add(NODES.objectNode().put("Key", 1)), NODES.nullNode()));
      case 9 -> details.set(FuzzBundles.pick(r, LISTS), wrong(r, NODES.objectNode(), NODES.textNode("x"),
          NODES.numberNode(0), NODES.arrayNode().add(3).addNull(), NODES.arrayNode().add(NODES.arrayNode())));
      case 10 -> details.put(FuzzBundles.pick(r, "IsTruncated", "Marker"), FuzzBundles.pick(r, "true", "x"));
      default -> anyone.remove(FuzzBundles.pick(r, "Arn", "UserName", "RoleName", "AssumeRolePolicyDocument"));
    }
  }

  /**
   * The export written in a way AWS's tools write it and that changes nothing it says: its policies
   * URL-encoded (the API's form), pretty-printed with CRLF line ends, or after a byte order mark.
   */
  static String harmless(Random r, ObjectNode details) {
    return switch (r.nextInt(4)) {
      case 0 -> {
        for (JsonNode role : details.path("RoleDetailList")) {
          if (role instanceof ObjectNode o && o.path("AssumeRolePolicyDocument").isObject()) {
            o.put("AssumeRolePolicyDocument", URLEncoder.encode(o.get("AssumeRolePolicyDocument").toString(),
                StandardCharsets.UTF_8).replace("+", "%20"));
          }
        }
        yield details.toString();
      }
      case 1 -> details.toPrettyString().replace("\n", "\r\n");
      case 2 -> "\uFEFF" + details.toPrettyString();
      default -> details.toString();
    };
  }

  /**
   * A trust policy as the API gives it, URL-encoded (RFC 3986), then spoilt: half decoded, cut, with
   * an escape that is not one, or with escaped bytes that are not UTF-8.
   */
  static String halfEncoded(Random r, JsonNode policy) {
    String json = policy.isMissingNode() ? "{\"Statement\": []}" : policy.toString();
    String encoded = URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    int half = encoded.length() / 2;
    return switch (r.nextInt(6)) {
      case 0 -> encoded.substring(0, half) + json.substring(json.length() / 2);
      case 1 -> encoded.substring(0, r.nextInt(encoded.length()));
      case 2 -> encoded.substring(0, half) + FuzzBundles.pick(r, "%", "%G1", "%2", "%%", "%zz") + encoded.substring(half);
      case 3 -> encoded.substring(0, half) + FuzzBundles.pick(r, "%C0%AF", "%ED%A0%80", "%FF", "%E2%82", "%00")
          + encoded.substring(half);
      case 4 -> URLEncoder.encode(encoded, StandardCharsets.UTF_8); // encoded twice
      default -> encoded.replace("%22", "\"").replace("%7B", "{"); // decoded in places
    };
  }

  /** The credential report CSV with one mistake: a column missing, cells that say nothing AWS writes, rows cut. */
  static String spoilReport(Random r, String csv) {
    List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n", -1)));
    List<String> header = new ArrayList<>(Arrays.asList(lines.get(0).split(",", -1)));
    int row = 1 + r.nextInt(Math.max(1, lines.size() - 2));
    switch (r.nextInt(8)) {
      case 0 -> {
        int column = r.nextInt(header.size());
        for (int i = 0; i < lines.size(); i++) {
          List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
          if (cells.size() > column && (i == 0 || r.nextBoolean())) {
            cells.remove(column);
          }
          lines.set(i, String.join(",", cells));
        }
      }
      case 1 -> lines.set(0, lines.get(0).replace(FuzzBundles.pick(r, "arn", "user,", "password_enabled",
          "access_key_1_active", "cert_1_last_rotated"), FuzzBundles.pick(r, "", "ARN", "x,")));
      case 2 -> lines.set(row, lines.get(row).replaceFirst("(\\d{4}-\\d\\d-\\d\\dT[^,]*|N/A|true|false)",
          FuzzBundles.pick(r, "yesterday", "2026-13-45T99:99:99+00:00", "maybe", "", "\"unclosed", "0", "1e9")));
      case 3 -> lines.set(row, lines.get(row).substring(0, r.nextInt(lines.get(row).length() + 1)));
      case 4 -> lines.set(row, lines.get(row) + ",extra,cells");
      case 5 -> lines.set(row, lines.get(row).replaceFirst("^[^,]*,[^,]*", "x," + FuzzBundles.pick(r, BAD_ARNS)));
      case 6 -> lines.add(row, lines.get(row));
      default -> lines.set(0, "\uFEFF" + lines.get(0).toUpperCase(java.util.Locale.ROOT));
    }
    return String.join(r.nextBoolean() ? "\n" : "\r\n", lines);
  }

  private static ObjectNode element(Random r, ObjectNode details, String list) {
    JsonNode items = details.path(list);
    if (items.isArray() && !items.isEmpty() && items.get(r.nextInt(items.size())) instanceof ObjectNode o) {
      return o;
    }
    ObjectNode made = NODES.objectNode();
    (items.isArray() ? (ArrayNode) items : details.putArray(list)).add(made);
    return made;
  }

  private static ObjectNode statement(ObjectNode role) {
    JsonNode statements = role.path("AssumeRolePolicyDocument").path("Statement");
    if (statements.isArray() && !statements.isEmpty() && statements.get(0) instanceof ObjectNode s) {
      return s;
    }
    ObjectNode s = NODES.objectNode().put("Effect", "Allow").put("Action", "sts:AssumeRole");
    role.set("AssumeRolePolicyDocument", NODES.objectNode().put("Version", "2012-10-17")
        .set("Statement", NODES.arrayNode().add(s)));
    return s;
  }

  private static JsonNode wrong(Random r, JsonNode... values) {
    return values[r.nextInt(values.length)];
  }
}
