package io.blastgate.http;

import io.blastgate.app.Blastgate;
import io.blastgate.config.AppConfig;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running API: the program of {@link Blastgate}, served by the app of {@link HttpApp}. If anything
 * fails on the way up (a tokens file, a port already taken), what this server opened is closed again,
 * because Neo4j's Bolt threads would otherwise keep the JVM alive with nothing serving.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;
  private final Blastgate program;
  private final boolean ownsProgram;

  private ApiServer(Javalin app, Blastgate program, boolean ownsProgram) {
    this.app = app;
    this.program = program;
    this.ownsProgram = ownsProgram;
  }

  /**
   * Opens the program on its configured graph, reads the tokens file and serves on the configured host
   * and port. Use a configuration from {@link AppConfig#forServer}, which has checked that the tokens
   * file exists.
   */
  public static ApiServer start(AppConfig config, String version) {
    return start(Blastgate.open(config), true, HttpSettings.from(config, version));
  }

  /** Serves a program already open; closes it on failure and on close only if it owns it. */
  public static ApiServer start(Blastgate program, boolean ownsProgram, HttpSettings settings) {
    try {
      var tokens = program.tokens();
      Javalin app = HttpApp.create(program.services(), tokens, settings);
      app.start();
      LOG.info("serving the API on http://{}:{}/api/v1 with {} tokens", settings.host(), app.port(), tokens.entries().size());
      return new ApiServer(app, program, ownsProgram);
    } catch (RuntimeException e) {
      if (ownsProgram) {
        program.close();
      }
      throw e;
    }
  }

  /** The port the API listens on (the real one when the configuration asked for 0). */
  public int port() {
    return app.port();
  }

  /** Stops serving, then closes the program if this server opened it. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      if (ownsProgram) {
        program.close();
      }
    }
  }
}
