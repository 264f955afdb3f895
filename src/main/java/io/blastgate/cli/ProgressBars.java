package io.blastgate.cli;

import io.blastgate.importer.ImportProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** An import's phases as progress bars on standard error, one bar a phase. */
final class ProgressBars implements ImportProgress, AutoCloseable {
  private ProgressBar bar;

  @Override
  public void phase(String name, long total) {
    close();
    bar =
        new ProgressBarBuilder()
            .setTaskName(name)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" rows", 1)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .continuousUpdate()
            .build();
  }

  @Override
  public void advance(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      if (bar.getMax() > 0) {
        bar.stepTo(bar.getMax());
      }
      bar.close();
      bar = null;
    }
  }
}
