package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.model.Label;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWS resource tags ({@code [{"Key": …, "Value": …}]}): the documented ownership keys give owners, and
 * on an identity every tag is also kept in its {@code tags} as {@code aws_tag:Key=Value}.
 *
 * <p>Ownership keys, case-insensitive: {@code team} names a team ({@code team:<value>}), {@code owner}
 * a person ({@code person:<value>}); a value already written as {@code team:…} or {@code person:…} is
 * taken as it is. The value is kept as written (AWS tag values are case-sensitive), trimmed.
 */
final class Tags {
  static final List<String> TEAM_KEYS = List.of("team");
  static final List<String> PERSON_KEYS = List.of("owner");

  private Tags() {}

  /** Reads the member {@code Tags} of {@code object} (at {@code pointer}) onto {@code entity}. */
  static void apply(AwsEntities.Entity entity, JsonNode object, String pointer, Checked in, AwsEntities out) {
    List<JsonNode> tags = in.array(object, pointer, "Tags");
    for (int i = 0; i < tags.size(); i++) {
      String at = pointer + "/Tags/" + i;
      if (!in.object(tags.get(i), at, "a tag")) {
        continue;
      }
      String key = in.required(tags.get(i), at, "Key", "a tag has a key");
      String value = in.text(tags.get(i), at, "Value");
      if (key == null) {
        continue;
      }
      if (entity.label == Label.IDENTITY) {
        entity.add("tags", "aws_tag:" + key + "=" + (value == null ? "" : value));
      }
      if (entity.label != Label.IDENTITY && owner(key, value).isEmpty()) {
        out.unmapped(in.at(""), "tags of secrets and instance profiles not mapped: only identities have tags"
            + " in the model (the ownership keys " + TEAM_KEYS + " and " + PERSON_KEYS + " are)", 1);
      }
      owner(key, value).ifPresent(owner -> {
        String kind = owner.startsWith("team:") ? "team" : "person";
        AwsEntities.Entity o = out.stub(Label.OWNER, owner, kind, owner.substring(owner.indexOf(':') + 1), in.at(at));
        if (kind.equals("person") && o.name.contains("@") && !o.name.contains(" ")) {
          o.set("email", o.name);
        }
        o.add("owns", entity.id);
      });
    }
  }

  /** The owner id a tag names, if its key is an ownership key and it has a value. */
  static Optional<String> owner(String key, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String k = key.strip().toLowerCase(Locale.ROOT);
    String v = value.strip();
    boolean team = TEAM_KEYS.contains(k);
    if (!team && !PERSON_KEYS.contains(k)) {
      return Optional.empty();
    }
    if ((v.startsWith("team:") || v.startsWith("person:")) && v.indexOf(':') < v.length() - 1) {
      return Optional.of(v);
    }
    return Optional.of((team ? "team:" : "person:") + v);
  }
}
