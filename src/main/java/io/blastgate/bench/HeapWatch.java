package io.blastgate.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.blastgate.bench.BenchReport.PhaseHeap;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap phase by phase, three ways, because each alone misleads: the used heap sampled
 * every few milliseconds (garbage included, so it climbs towards -Xmx whatever the program holds),
 * the sum of the heap pools' own peaks (an upper bound: the pools peak at different moments), and the
 * heap left after each garbage collection. The last is closest to what the program holds, but still
 * an upper bound: a young collection leaves the old generation's garbage in place until the next
 * mixed or full one. For the live set itself, take a class histogram ({@code jcmd PID
 * GC.class_histogram}) during the phase.
 */
final class HeapWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 10;

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
          .toList();
  private final Set<String> poolNames =
      pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final Map<String, PhaseHeap> phases = new LinkedHashMap<>();
  private final NotificationListener listener = this::onGc;
  private final Thread sampler;
  private String phase;
  private long gcCountAtStart;
  private long gcMillisAtStart;

  private HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
    sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").unstarted(this::sample);
    sampler.start();
  }

  static HeapWatch start(String firstPhase) {
    HeapWatch watch = new HeapWatch();
    watch.begin(firstPhase);
    return watch;
  }

  /** Ends the current phase and begins the next. */
  synchronized void phase(String next) {
    end();
    begin(next);
  }

  /** Ends the last phase; the phases in the order they ran. */
  synchronized Map<String, PhaseHeap> finish() {
    end();
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  static long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** The -Xmx (or -XX:MaxHeapSize) flag the JVM was started with, if any. */
  static String maxHeapFlag() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize"))
        .reduce((a, b) -> b)
        .orElse("(none: the JVM's default)");
  }

  private void begin(String name) {
    phase = name;
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    peakUsed.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    peakAfterGc.set(0);
    gcCountAtStart = gcCount();
    gcMillisAtStart = gcMillis();
  }

  private void end() {
    if (phase == null) {
      return;
    }
    long pooled = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    phases.put(
        phase,
        new PhaseHeap(
            Math.max(peakUsed.get(), currentUsed()),
            pooled,
            peakAfterGc.get(),
            gcCount() - gcCountAtStart,
            gcMillis() - gcMillisAtStart,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    phase = null;
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      peakUsed.accumulateAndGet(currentUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long after = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (poolNames.contains(e.getKey())) {
        after += e.getValue().getUsed();
      }
    }
    peakAfterGc.accumulateAndGet(after, Math::max);
  }

  private static long currentUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(g -> Math.max(0, g.getCollectionCount()))
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(g -> Math.max(0, g.getCollectionTime()))
        .sum();
  }

  @Override
  public void close() {
    sampler.interrupt();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
          // never added: nothing to remove
        }
      }
    }
  }
}
