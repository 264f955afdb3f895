package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.config.AppConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API (docs/configuration.md lists every setting).",
      "Needs BLASTGATE_TOKENS_FILE: there are no built-in tokens (`blastgate token create`)."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config = AppConfig.forServer(Environment.withDataDir(data.dataDir));
    Blastgate.Server server = Blastgate.serve(config, Main.Version.get());
    System.err.printf("blastgate %s serving on http://%s:%d/api/v1 (Ctrl-C stops)%n",
        Main.Version.get(), config.httpHost(), server.port());
    blockUntilShutdown(server);
    return 0;
  }

  /** Waits until the JVM is asked to stop, then stops serving and closes the graph, in that order. */
  static void blockUntilShutdown(AutoCloseable server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    System.err.println("blastgate: stopping: " + e);
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
  }
}
