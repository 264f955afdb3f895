package io.blastgate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.blastgate.config.AppConfig;
import io.blastgate.error.BlastgateException.GraphUnavailable;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A password written into BLASTGATE_NEO4J_URI ({@code neo4j://user:secret@host}) was printed whole in
 * the start-up error. Neither the configuration's problems, nor a failed start, nor any log line on the
 * way shows it.
 */
class NoSecretInUrisTest {
  private static final String SECRET = "s3cr3t-in-the-uri";

  @Test
  void aFailedStartSaysWhereWithoutTheUserInfoAndNoLogLineHasIt() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort(); // free again once closed: nothing listens there
    }
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_NEO4J_URI", "neo4j://blastgate:" + SECRET + "@127.0.0.1:" + closed,
        "BLASTGATE_NEO4J_PASSWORD", "the-real-one"));
    List<String> logged = capturingLogs(() -> {
      GraphUnavailable e = catchThrowableOfType(GraphUnavailable.class, () -> GraphConnection.open(config.graphSettings()));
      assertThat(e.getMessage()).startsWith("cannot reach Neo4j at neo4j://***@127.0.0.1:" + closed + ": ");
      assertThat(e.getMessage()).doesNotContain(SECRET, "blastgate:");
    });
    assertThat(logged).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(SECRET));
  }

  @Test
  void aConfigurationProblemShowsTheUriWithoutItsUserInfo() {
    InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class, () -> AppConfig.fromEnvironment(Map.of(
        "BLASTGATE_NEO4J_URI", "http://blastgate:" + SECRET + "@graph.internal:7474",
        "BLASTGATE_NEO4J_PASSWORD", "the-real-one")));
    assertThat(e.getMessage()).contains("got 'http://***@graph.internal:7474'").doesNotContain(SECRET);
  }

  /** Every line logged while {@code action} runs, at any level, with the messages of its exceptions. */
  private static List<String> capturingLogs(Runnable action) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<Logger> opened = List.of((Logger) LoggerFactory.getLogger("io.blastgate"), (Logger) LoggerFactory.getLogger("org.neo4j"));
    List<Level> before = opened.stream().map(Logger::getLevel).toList();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    opened.forEach(l -> l.setLevel(Level.ALL));
    try {
      action.run();
    } finally {
      root.detachAppender(appender);
      for (int i = 0; i < opened.size(); i++) {
        opened.get(i).setLevel(before.get(i));
      }
    }
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    return lines;
  }
}
