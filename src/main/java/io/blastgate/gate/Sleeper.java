package io.blastgate.gate;

import java.time.Duration;

/**
 * Waits between two attempts of a delivery. The running program sleeps the thread; a test passes one
 * that records each wait and returns at once, so that backoff is observed without waiting for it.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
