package io.blastgate.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A URI's user-info prints as ***, whatever the URI and wherever it stands in a message. */
class RedactedTest {
  @Test
  void aUrisUserInfoIsMaskedAndTheRestKept() {
    assertThat(Redacted.uri(URI.create("neo4j://user:secret@host:7687"))).isEqualTo("neo4j://***@host:7687");
    assertThat(Redacted.uri(URI.create("bolt://host:7687/db"))).isEqualTo("bolt://host:7687/db");
    assertThat(Redacted.uri("neo4j+s://u:p@ss@host/x@y")).isEqualTo("neo4j+s://***@host/x@y");
    assertThat(Redacted.uri("user:secret@host:7687")).isEqualTo("***@host:7687");
    assertThat(Redacted.uri("./data@home/x")).isEqualTo("./data@home/x");
  }

  @Test
  void everyUriInAMessageIsMasked() {
    assertThat(Redacted.urisIn("cannot reach neo4j://u:secret@a:1 nor http://x@b/c?d=e@f; mail ana@example.com"))
        .isEqualTo("cannot reach neo4j://***@a:1 nor http://***@b/c?d=e@f; mail ana@example.com");
  }
}
