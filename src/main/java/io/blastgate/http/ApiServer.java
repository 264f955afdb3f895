package io.blastgate.http;

import io.blastgate.auth.TokenStore;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import io.blastgate.services.Services;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API being served: the app of {@link HttpApp}, started on the settings' host and port. */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** Builds the app over these services and starts it; throws if it cannot bind. */
  public static ApiServer start(Services services, TokenStore tokens, HttpSettings settings) {
    Javalin app = HttpApp.create(services, tokens, settings);
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw new InvalidConfiguration("the configuration", List.of(HttpSettings.portTaken(settings.host(), settings.port())));
    }
    LOG.info("serving the API on http://{}:{}/api/v1 with {} tokens", settings.host(), app.port(), tokens.entries().size());
    return new ApiServer(app);
  }

  /** The port the API listens on (the real one when the settings asked for 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
