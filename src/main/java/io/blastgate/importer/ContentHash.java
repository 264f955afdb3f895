package io.blastgate.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one source asserts about one entity, as a short digest: its label, the properties it states
 * and the relationships it states from the entity (a relationship is stated on its {@code from} end:
 * model.yaml's {@code on}). A re-import compares these to find what changed; equal digests mean the
 * source says the same as before, so nothing of the entity or its relationships is written again.
 *
 * <p>The digest is the first 128 bits of SHA-256 over a canonical text: the label, then each property
 * in key order as {@code key=type:value}, then each reference in order as {@code TYPE>target}. The
 * order of properties and of references in the input does not matter (a list property's order does);
 * timestamps count as the instant they name.
 */
final class ContentHash {
  private static final HexFormat HEX = HexFormat.of();

  private ContentHash() {}

  /** The digest of what the input states about {@code entity}, as 32 hexadecimal digits. */
  static String of(ParsedEntity entity) {
    StringBuilder text = new StringBuilder(256).append(entity.label().name()).append('\n');
    new TreeMap<>(entity.props()).forEach((key, value) -> {
      text.append(key).append('=');
      append(text, value);
      text.append('\n');
    });
    List<String> refs = new ArrayList<>(entity.refs().size());
    for (ParsedEntity.Ref ref : entity.refs()) {
      refs.add(ref.rel().type() + ">" + ref.target());
    }
    refs.sort(null);
    refs.forEach(ref -> text.append(ref).append('\n'));
    return HEX.formatHex(sha256(text.toString()), 0, 16);
  }

  /** {@code <source>@<digest>}, the form a node keeps in {@code source_hashes}. */
  static String tagged(String source, String digest) {
    return source + "@" + digest;
  }

  private static void append(StringBuilder text, Object value) {
    switch (value) {
      case null -> text.append("null");
      case String s -> text.append("s:").append(s.length()).append(':').append(s);
      case OffsetDateTime t -> text.append("t:").append(
          t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      case Long n -> text.append("i:").append(n);
      case Integer n -> text.append("i:").append(n);
      case Double d -> text.append("f:").append(Double.doubleToLongBits(d));
      case Boolean b -> text.append("b:").append(b);
      case List<?> list -> {
        List<String> items = new ArrayList<>(list.size());
        for (Object item : list) {
          StringBuilder one = new StringBuilder();
          append(one, item);
          items.add(one.toString());
        }
        text.append("l:").append(items.size()).append('[').append(String.join(",", items)).append(']');
      }
      case Map<?, ?> map -> text.append("m:").append(new TreeMap<>(map));
      default -> text.append(value.getClass().getSimpleName().charAt(0)).append(':').append(value);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
