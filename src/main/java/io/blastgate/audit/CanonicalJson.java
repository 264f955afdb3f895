package io.blastgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One way of writing JSON for the trail, so that the same values always give the same bytes: map keys
 * sorted, no spaces, instants as RFC 3339 text. The details are stored as this text and the hash covers
 * the text as stored, so reading back never has to reproduce it.
 */
final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private CanonicalJson() {}

  static String write(Map<String, Object> details) {
    try {
      return MAPPER.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the details of an audit record must be plain JSON values", e);
    }
  }

  /** The fields an entry's hash covers, in their order, as UTF-8 bytes of one JSON array. */
  static byte[] fields(List<Object> fields) {
    try {
      return MAPPER.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the fields of an audit entry are plain values", e);
    }
  }

  static Map<String, Object> readObject(String text) {
    try {
      Map<String, Object> map = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
      return map == null ? Map.of("unreadable", text) : map;
    } catch (JsonProcessingException | RuntimeException e) {
      return Map.of("unreadable", text);
    }
  }
}
