package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run that asks a server is told apart before parsing, as bin/blastgate tells it apart. */
class ServerOptionTest {
  @Test
  void aServerIsNamedByTheOptionOrTheEnvironment() {
    assertThat(ServerOption.named(List.of("search", "--server", "http://127.0.0.1:8080", "x"), Map.of())).isTrue();
    assertThat(ServerOption.named(List.of("search", "--server=http://127.0.0.1:8080", "x"), Map.of())).isTrue();
    assertThat(ServerOption.named(List.of("search", "x"), Map.of(ServerOption.URL_KEY, "http://127.0.0.1:8080"))).isTrue();
  }

  @Test
  void otherwiseTheCommandRunsHere() {
    assertThat(ServerOption.named(List.of("search", "--data-dir", "d", "x"), Map.of())).isFalse();
    assertThat(ServerOption.named(List.of("search", "x"), Map.of(ServerOption.URL_KEY, " "))).isFalse();
    assertThat(ServerOption.named(List.of("serve"), Map.of())).isFalse();
  }
}
