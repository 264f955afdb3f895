package io.blastgate.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A declared maintenance or patch window: bursts of change inside it look like attacks, so detections
 * below high confidence only enrich (invariant 6). It covers the listed target ids (an identity covers
 * its credentials), or every target with {@code *}; it repeats {@code every} so long after its start
 * when that is set (a weekly patch night: {@code P7D}).
 */
public record MaintenanceWindow(String name, List<String> targets, Instant start, Instant end, Duration every) {
  public static final String EVERY_TARGET = "*";

  public MaintenanceWindow {
    Objects.requireNonNull(name, "name");
    targets = List.copyOf(targets);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** Whether the window is open at {@code now} for {@code target}. */
  public boolean covers(TargetFacts target, Instant now) {
    boolean named = targets.contains(EVERY_TARGET) || targets.contains(target.id())
        || (target.identityId() != null && targets.contains(target.identityId()));
    return named && open(now);
  }

  boolean open(Instant now) {
    if (now.isBefore(start)) {
      return false;
    }
    if (every == null || every.isZero()) {
      return now.isBefore(end);
    }
    long length = Duration.between(start, end).toMillis();
    long since = Duration.between(start, now).toMillis();
    return since % every.toMillis() < length;
  }
}
