package io.blastgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.blastgate.wire.BlastRadiusJson;
import io.blastgate.wire.BlastRadiusJson.Criticality;
import io.blastgate.wire.BlastRadiusJson.Summary;
import io.blastgate.wire.EntityJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code blast-radius} as a table: a target the gate already contained says so under the headline. */
class BlastRadiusTableTest {
  private static BlastRadiusJson of(EntityJson.Contained containment) {
    var target = new EntityJson.Target("sa:bot", "Identity", "service_account", "bot", containment);
    var summary = new Summary(0, 0, null, new Criticality(0, 0, 0, 0, 0), 0, List.of(), List.of(), false);
    return new BlastRadiusJson(target, Instant.EPOCH, 10, false, List.of(), List.of(), summary, List.of(), List.of());
  }

  @Test
  void aContainedTargetSaysWhatWasDoneByWhichRequestAndUntilWhen() {
    String table = BlastRadiusTable.render(of(new EntityJson.Contained("suspended", "req-1",
        Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-03T10:00:00Z"))));
    assertThat(table.lines().toList().get(1))
        .isEqualTo("Already suspended since 2026-12-02T10:00:00Z by request req-1, until 2026-12-03T10:00:00Z");
    assertThat(BlastRadiusTable.render(of(null))).doesNotContain("Already");
  }
}
