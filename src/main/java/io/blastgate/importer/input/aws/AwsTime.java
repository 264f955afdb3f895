package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * AWS's timestamps as the model's (RFC 3339, in UTC): the CLI writes ISO 8601 with an offset ({@code
 * 2019-05-07T15:35:55+00:00}, {@code …Z}, Lambda's {@code 2019-04-30T16:26:38.618+0000}); the raw API
 * JSON of some services writes seconds since the epoch ({@code 1571270400.0}). Anything else is not a
 * timestamp, and its reader reports it where it is.
 */
final class AwsTime {
  private static final DateTimeFormatter NO_COLON = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .appendOffset("+HHMM", "Z")
      .toFormatter();

  private AwsTime() {}

  /** The instant {@code text} names, written as RFC 3339 in UTC; empty if it is no timestamp. */
  static Optional<String> parse(String text) {
    String t = text.strip();
    for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_OFFSET_DATE_TIME, NO_COLON}) {
      try {
        return Optional.of(OffsetDateTime.parse(t, f).toInstant().toString());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** A JSON value: text as {@link #parse(String)}, a number as seconds since the epoch. */
  static Optional<String> parse(JsonNode value) {
    if (value.isTextual()) {
      return parse(value.textValue());
    }
    if (value.isNumber()) {
      try {
        long millis = value.decimalValue().movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact();
        return Optional.of(Instant.ofEpochMilli(millis).toString());
      } catch (ArithmeticException | DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
