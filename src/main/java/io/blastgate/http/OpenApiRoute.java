package io.blastgate.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.yaml}: the contract as the build copied it from {@code api/}, byte for byte. */
final class OpenApiRoute implements Handler {
  static final String RESOURCE = "/api/openapi.yaml";

  private final byte[] document;

  private OpenApiRoute(byte[] document) {
    this.document = document;
  }

  /** Reads the contract at start-up: a build without it must not start. */
  static OpenApiRoute load() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no OpenAPI document on the classpath at " + RESOURCE);
      }
      return new OpenApiRoute(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public void handle(Context ctx) {
    ctx.contentType("application/yaml").result(document);
  }
}
