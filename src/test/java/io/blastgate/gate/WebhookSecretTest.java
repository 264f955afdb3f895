package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.blastgate.gate.WebhookReceiver.Scripted;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shared secret appears in no result and no log line, whatever the receiver does: accepts,
 * refuses the signature, echoes the executor's secret in its answer (which is masked), is down.
 */
class WebhookSecretTest {
  static final String SECRET = WebhookExecutorTest.SECRET;
  static final String OTHER_SECRET = "another-secret-of-more-than-32-characters";

  @Test
  void theSecretAppearsInNoDetailNorLogLine() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(WebhookExecutor.class);
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.ALL);
    List<ExecutionResult> results = new ArrayList<>();
    try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
      results.add(deliver(receiver.url(), SECRET));
      results.add(deliver(receiver.url(), OTHER_SECRET));
      receiver.answerFirst(new Scripted(400, null, "your secret is " + SECRET));
      results.add(deliver(receiver.url(), SECRET));
      receiver.answerFirst(new Scripted(503, null, "your secret is " + OTHER_SECRET));
      results.add(deliver(receiver.url(), OTHER_SECRET));
      results.add(deliver(closedPort(), SECRET));
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(before);
    }

    assertThat(results).extracting(ExecutionResult::succeeded).containsExactly(true, false, false, false, false);
    assertThat(results.get(2).detail()).contains("your secret is ***");
    assertThat(logs.list).isNotEmpty();
    List<String> printed = new ArrayList<>(results.stream().map(ExecutionResult::detail).toList());
    logs.list.forEach(event -> printed.add(event.getFormattedMessage()));
    assertThat(printed).allSatisfy(line -> assertThat(line).doesNotContain(SECRET).doesNotContain(OTHER_SECRET));
  }

  private static ExecutionResult deliver(URI url, String secret) {
    WebhookSettings settings = new WebhookSettings(url, secret, 2);
    try (WebhookExecutor webhook = new WebhookExecutor(settings, Clock.systemUTC(), duration -> {})) {
      return webhook.execute(WebhookExecutorTest.ORDER);
    }
  }

  private static URI closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
    }
  }
}
