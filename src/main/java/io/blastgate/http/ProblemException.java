package io.blastgate.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error a handler means to answer: the one mapper turns it into a problem document. {@code detail}
 * speaks of the request (a parameter, a JSON pointer), never of the code; {@code extensions} are the
 * extra members api/problems.md allows for the type (e.g. {@code report} and {@code error_count}).
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ProblemType type;
  private final transient Map<String, Object> extensions;
  private final transient Map<String, String> headers;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, Map.of(), Map.of());
  }

  public ProblemException(
      ProblemType type, String detail, Map<String, Object> extensions, Map<String, String> headers) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false); // no stack: an answer, not a bug
    this.type = Objects.requireNonNull(type, "type");
    this.extensions = new LinkedHashMap<>(extensions);
    this.headers = Map.copyOf(headers);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(ProblemType.BAD_REQUEST, detail);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException payloadTooLarge(String detail) {
    return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail);
  }

  public static ProblemException unsupportedMediaType(String detail) {
    return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> extensions() {
    return java.util.Collections.unmodifiableMap(extensions);
  }

  public Map<String, String> headers() {
    return headers;
  }
}
