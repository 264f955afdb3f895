package io.blastgate.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web console at {@code /}: plain HTML, CSS and JavaScript from the jar (classpath {@code /console})
 * and the Cytoscape.js WebJar under {@code /webjars}. Nothing here needs a token: the page asks for one
 * and sends it to the API as a bearer token, which is where access is decided.
 *
 * <p>A strict Content-Security-Policy goes with every file: scripts and styles from this server only,
 * nothing inline, no frames, and the API of this same origin as the only place the page may call.
 */
final class Console {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "Cache-Control", "no-cache");

  private static final String FILES = "/console";
  private static final String WEBJARS = "/webjars/";
  private static final String WEBJAR_FILES = "/META-INF/resources/webjars/";

  private Console() {}

  /**
   * Whether a GET of this path is for one of the console's files. The guard asks, since Javalin runs it
   * before a static file too: such a request is served without a token, and anything else that no
   * {@link ApiRoute} declares stays refused.
   */
  static boolean servesFile(String path) {
    if (path.contains("..") || path.contains("//") || path.contains("\\")) {
      return false;
    }
    String resource;
    if (path.equals("/")) {
      resource = FILES + "/index.html";
    } else if (path.startsWith(WEBJARS)) {
      resource = WEBJAR_FILES + path.substring(WEBJARS.length());
    } else {
      resource = FILES + path;
    }
    return !resource.endsWith("/") && Console.class.getResource(resource) != null;
  }

  static void serve(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = FILES;
          files.location = Location.CLASSPATH;
          files.headers = HEADERS;
        });
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/webjars";
          files.directory = "/META-INF/resources/webjars";
          files.location = Location.CLASSPATH;
          files.headers = HEADERS;
        });
  }
}
