package io.blastgate.importer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a large synthetic bundle as a stream, in an order that leaves most references forward
 * (owners first, identities last), the hard case for the first pass. Each credential authenticates
 * as an identity, each workload uses a credential and (but the first) depends on the one before it,
 * and each team owns an equal share of the workloads.
 */
final class BundleGenerator {
  private BundleGenerator() {}

  static void write(Path file, int teams, int identities, int credentials, int workloads) throws IOException {
    try (JsonGenerator g = Fixtures.JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("format", "blastgate.bundle/v1");
      g.writeStringField("source", "generated");
      g.writeArrayFieldStart("owners");
      int perTeam = workloads / teams;
      for (int t = 0; t < teams; t++) {
        g.writeStartObject();
        g.writeStringField("id", "team:" + t);
        g.writeStringField("kind", "team");
        g.writeArrayFieldStart("owns");
        for (int w = t * perTeam; w < (t + 1) * perTeam; w++) {
          g.writeString("wl:" + w);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("workloads");
      for (int w = 0; w < workloads; w++) {
        g.writeStartObject();
        g.writeStringField("id", "wl:" + w);
        g.writeStringField("kind", w % 2 == 0 ? "service" : "job");
        g.writeStringField("criticality", w % 10 == 0 ? "critical" : "medium");
        g.writeStringField("environment", "prod");
        g.writeArrayFieldStart("uses");
        g.writeString("cred:" + (w % credentials));
        g.writeEndArray();
        if (w > 0) {
          g.writeArrayFieldStart("depends_on");
          g.writeString("wl:" + (w - 1));
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("credentials");
      for (int c = 0; c < credentials; c++) {
        g.writeStartObject();
        g.writeStringField("id", "cred:" + c);
        g.writeStringField("kind", "secret");
        g.writeStringField("authenticates_as", "id:" + (c % identities));
        g.writeStringField("created_at", "2026-01-04T09:00:00Z");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("identities");
      for (int i = 0; i < identities; i++) {
        g.writeStartObject();
        g.writeStringField("id", "id:" + i);
        g.writeStringField("kind", "service_account");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
