package io.blastgate.http;

/** The problem types of api/problems.md: slug, status and the title fixed per slug. */
public enum ProblemType {
  BAD_REQUEST("bad-request", 400, "Bad request"),
  UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  CONFLICT("conflict", 409, "Conflict"),
  ALREADY_CONTAINED("already-contained", 409, "Already contained"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
  URI_TOO_LONG("uri-too-long", 414, "URI too long"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  INVALID_IMPORT("invalid-import", 422, "Invalid import"),
  INVALID_DOCUMENT("invalid-document", 422, "Invalid document"),
  HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
  INTERNAL_ERROR("internal-error", 500, "Internal error"),
  GRAPH_UNAVAILABLE("graph-unavailable", 503, "Graph unavailable");

  private static final String BASE = "https://blastgate.io/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public String uri() {
    return BASE + slug;
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
