package io.blastgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blastgate.blastradius.BlastRadius;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A decision as a request keeps it in the graph: the decision, the confidence level it was weighed
 * at, when, and the blast radius's summary it was decided on (null when there was none), as one JSON
 * string property.
 */
public final class DecisionCodec {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DecisionCodec() {}

  /** What a request was decided on. */
  public record Kept(Decision decision, Confidence confidence, Instant decidedAt, RadiusSummary radius) {}

  /** The blast radius a decision was made on, in short: whether it was cut, its bound, its summary. */
  public record RadiusSummary(boolean truncated, int maxHops, BlastRadius.Summary summary) {
    static RadiusSummary of(BlastRadius radius) {
      return radius == null ? null : new RadiusSummary(radius.truncated(), radius.maxHops(), radius.summary());
    }
  }

  static String write(Kept kept) {
    try {
      return JSON.writeValueAsString(kept);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Kept read(String json) {
    try {
      return JSON.readValue(json, Kept.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
