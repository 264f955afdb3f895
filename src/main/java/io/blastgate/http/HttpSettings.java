package io.blastgate.http;

import io.blastgate.config.AppConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the HTTP layer needs to know besides its services: where to listen, the body size limits, the
 * folder uploads are spooled to ({@link Spool}), and the program version that health reports.
 */
public record HttpSettings(
    String host, int port, long maxBodyBytes, long maxUploadBytes, Path spoolDir, String version) {
  public HttpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(spoolDir, "spoolDir");
    Objects.requireNonNull(version, "version");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxBodyBytes < 1 || maxUploadBytes < 1) {
      throw new IllegalArgumentException("size limits must be positive");
    }
  }

  /** What a start on a port that another process holds is told. */
  public static String portTaken(String host, int port) {
    return "BLASTGATE_HTTP_PORT: port " + port + " on " + host
        + " is in use by another process; stop it or choose another port";
  }

  public static HttpSettings from(AppConfig config, String version) {
    return new HttpSettings(
        config.httpHost(), config.httpPort(), config.maxBodyBytes(), config.maxUploadBytes(), config.spoolDir(),
        version);
  }
}
