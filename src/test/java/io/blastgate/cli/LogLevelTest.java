package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How much a run logs: warnings at a terminal, requests for a server, everything when asked. */
class LogLevelTest {
  @Test
  void aCommandAtATerminalLogsWarningsOnly() {
    assertThat(LogLevel.forRun(List.of("demo"), Map.of())).isEqualTo("WARN");
    assertThat(LogLevel.forRun(List.of("blast-radius", "--data-dir", "serve", "x"), Map.of())).isEqualTo("WARN");
    assertThat(LogLevel.forRun(List.of(), Map.of())).isEqualTo("WARN");
  }

  @Test
  void aServerLogsItsRequestsAndVerboseOrTheEnvironmentSayMore() {
    assertThat(LogLevel.forRun(List.of("serve"), Map.of())).isEqualTo("INFO");
    assertThat(LogLevel.forRun(List.of("demo", "--verbose"), Map.of())).isEqualTo("INFO");
    assertThat(LogLevel.forRun(List.of("serve"), Map.of("BLASTGATE_LOG_LEVEL", "DEBUG"))).isEqualTo("DEBUG");
    assertThat(LogLevel.forRun(List.of("demo", "--verbose"), Map.of("BLASTGATE_LOG_LEVEL", "WARN"))).isEqualTo("WARN");
  }
}
