package io.blastgate.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.blastgate.bench.Mix.Draw;
import io.blastgate.model.Label;
import io.blastgate.model.RelType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams one synthetic organisation as a {@code blastgate.bundle/v1} JSON document, entity by entity:
 * memory stays the size of {@link OrgShape}'s small tables whatever the number of nodes. Counts what
 * it writes, per label and per relationship type.
 */
final class OrgWriter {
  static final String FORMAT = "blastgate.bundle/v1";
  static final String SOURCE = "synthetic-org";

  private final OrgShape s;
  private final OrgOwnership own;
  private final OrgAttributes attr;
  private final Map<Label, Long> entities = new EnumMap<>(Label.class);
  private final Map<RelType, Long> relationships = new EnumMap<>(RelType.class);
  private JsonGenerator g;

  OrgWriter(OrgShape shape) {
    this.s = shape;
    this.own = new OrgOwnership(shape);
    this.attr = new OrgAttributes(shape.seed);
    for (Label l : Label.values()) {
      entities.put(l, 0L);
    }
    for (RelType t : RelType.values()) {
      relationships.put(t, 0L);
    }
  }

  void write(OutputStream out) throws IOException {
    try (JsonGenerator gen = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g = gen;
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("source", SOURCE);
      g.writeArrayFieldStart(Label.IDENTITY.section());
      for (int i = 0; i < s.identities; i++) {
        identity(i);
      }
      g.writeEndArray();
      g.writeArrayFieldStart(Label.CREDENTIAL.section());
      for (int c = 0; c < s.credentials; c++) {
        credential(c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart(Label.WORKLOAD.section());
      for (int w = 0; w < s.workloads; w++) {
        workload(w);
      }
      g.writeEndArray();
      g.writeArrayFieldStart(Label.OWNER.section());
      for (int o = 0; o < s.owners(); o++) {
        owner(o);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  Map<Label, Long> entities() {
    return entities;
  }

  Map<RelType, Long> relationships() {
    return relationships;
  }

  private void identity(int i) throws IOException {
    String id = s.identityId(i);
    start(Label.IDENTITY, id, identityName(i, id), identityKind(i));
    g.writeStringField("status", attr.identityStatus(i));
    if (attr.isProtected(i)) {
      g.writeArrayFieldStart("tags");
      g.writeString("protected");
      g.writeEndArray();
    }
    Set<String> assumes = new LinkedHashSet<>();
    for (int target : canAssume(i)) {
      assumes.add(s.identityId(target));
    }
    refs(RelType.CAN_ASSUME, List.copyOf(assumes));
    g.writeEndObject();
  }

  private String identityKind(int i) {
    if (i < s.humans) {
      return "human";
    } else if (i < s.role(0)) {
      return "service_account";
    } else if (i < s.application(0)) {
      return "role";
    } else if (i < s.agent(0)) {
      return "application";
    }
    return "ai_agent";
  }

  private static String identityName(int i, String id) {
    return id.substring(3).replace(':', '-');
  }

  /**
   * Roles assume the next role of their chain; humans (admins through SSO), service accounts,
   * applications and AI agents assume chain heads, mostly the popular ones.
   */
  private int[] canAssume(int i) {
    if (i >= s.role(0) && i < s.application(0)) {
      int next = s.nextInChain(i - s.role(0));
      return next < 0 ? new int[0] : new int[] {next};
    }
    double u = Mix.unit(Mix.hash(s.seed, Draw.ID_ASSUME, i));
    double one;
    double two;
    if (i < s.humans) {
      one = 0.40;
      two = 0.10;
    } else if (i < s.role(0)) {
      one = 0.30;
      two = 0;
    } else if (i < s.agent(0)) {
      one = 0.40;
      two = 0;
    } else {
      one = 0.40;
      two = 0.20;
    }
    int count = u < two ? 2 : u < one + two ? 1 : 0;
    int[] out = new int[count];
    for (int j = 0; j < count; j++) {
      out[j] = s.popularRoleHead(Mix.hash(s.seed, Draw.ID_ASSUME, i, j));
    }
    return out;
  }

  private void credential(int c) throws IOException {
    String id = s.credentialId(c);
    String kind;
    int identity;
    String name;
    if (c < s.sharedCredentials) {
      kind = attr.credentialKind(c, OrgAttributes.SHARED_CREDENTIAL_KINDS);
      identity = s.application(Mix.below(Mix.hash(s.seed, Draw.CRED_AUTH, c), s.applications));
      name = "shared " + kind.replace('_', ' ') + " " + c;
    } else if (c < s.privateCredential(0)) {
      int h = c - s.humanCredential(0);
      kind = attr.credentialKind(c, OrgAttributes.HUMAN_CREDENTIAL_KINDS);
      identity = h;
      name = kind.replace('_', ' ') + " of person " + h;
    } else {
      int p = c - s.privateCredential(0);
      kind = attr.credentialKind(c, OrgAttributes.PRIVATE_CREDENTIAL_KINDS);
      identity = privateCredentialIdentity(c, p);
      name = kind.replace('_', ' ') + " " + p;
    }
    start(Label.CREDENTIAL, id, name, kind);
    g.writeStringField(RelType.AUTHENTICATES_AS.bundleField(), s.identityId(identity));
    count(RelType.AUTHENTICATES_AS, 1);
    g.writeStringField("status", attr.credentialStatus(c));
    String[] times = attr.credentialTimes(c);
    g.writeStringField("created_at", times[0]);
    optional("expires_at", times[1]);
    optional("last_used_at", times[2]);
    g.writeEndObject();
  }

  /** Mostly the identity its workload runs as; sometimes an application's client secret. */
  private int privateCredentialIdentity(int c, int p) {
    int w = p % s.workloads;
    if (Mix.unit(Mix.hash(s.seed, Draw.CRED_AUTH, c)) < 0.85) {
      return s.runsAs(w, attr.workloadKind(w, s.place(w)));
    }
    return s.application(Mix.below(Mix.hash(s.seed, Draw.CRED_AUTH, c, 1), s.applications));
  }

  private void workload(int w) throws IOException {
    OrgShape.Place place = s.place(w);
    String kind = attr.workloadKind(w, place);
    start(Label.WORKLOAD, OrgShape.workloadId(w), kind + "-" + w, kind);
    optional("criticality", attr.criticality(w, place));
    g.writeStringField("environment", attr.environment(w, s.teamOf(w, s.workloads)));
    g.writeStringField("status", attr.workloadStatus(w));
    refs(RelType.RUNS_AS, List.of(s.identityId(s.runsAs(w, kind))));
    refs(RelType.USES, java.util.Arrays.stream(s.uses(w)).mapToObj(s::credentialId).toList());
    refs(
        RelType.DEPENDS_ON,
        java.util.Arrays.stream(s.dependsOn(w)).mapToObj(OrgShape::workloadId).toList());
    g.writeEndObject();
  }

  private void owner(int o) throws IOException {
    if (o < s.teams) {
      start(Label.OWNER, s.ownerId(o), "Team " + o, "team");
      if (Mix.unit(Mix.hash(s.seed, Draw.TEAM, o, 1)) < 0.80) {
        g.writeStringField("oncall", "team-" + o + "-oncall");
      }
      refs(RelType.OWNS, own.ownedByTeam(o));
    } else {
      int h = o - s.teams;
      start(Label.OWNER, s.ownerId(o), "Person " + h, "person");
      g.writeStringField("email", "person" + h + "@example.com");
      refs(RelType.MEMBER_OF, own.teamsOfPerson(h));
      refs(RelType.OWNS, own.ownedByPerson(h));
    }
    g.writeEndObject();
  }

  private void start(Label label, String id, String name, String kind) throws IOException {
    entities.merge(label, 1L, Long::sum);
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("name", name);
    g.writeStringField("kind", kind);
  }

  private void optional(String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  /** A list of references; an empty list is left out, as the bundle allows. */
  private void refs(RelType type, List<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(type.bundleField());
    for (String id : ids) {
      g.writeString(id);
    }
    g.writeEndArray();
    count(type, ids.size());
  }

  private void count(RelType type, long n) {
    relationships.merge(type, n, Long::sum);
  }
}
