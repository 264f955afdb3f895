package io.blastgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.app.Blastgate;
import io.blastgate.auth.GeneratedToken;
import io.blastgate.auth.Role;
import io.blastgate.auth.TokenStore;
import io.blastgate.bench.GateLoad;
import io.blastgate.config.AppConfig;
import io.blastgate.wire.Json;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench-gate",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the gate's decisions over HTTP on the demo organisation or a synthetic one.",
      "A fresh embedded database in a folder of its own, its own server and tokens, then clients posting action requests (dry runs "
          + "or real ones) beside a trivial request timed in the same run. Writes a JSON report."
    })
final class GateBenchCommand implements Callable<Integer> {
  @Option(names = "--clients", defaultValue = "8", description = "requests in flight at once (default ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--seconds", defaultValue = "30", description = "measured time (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", defaultValue = "420",
      description = "seconds of warm-up, not measured (default ${DEFAULT-VALUE}: on 2 cores the JIT compiler"
          + " takes minutes to compile Neo4j's hot paths)")
  int warmup;

  @Option(names = "--real", description = "real requests, kept and run, instead of dry runs")
  boolean real;

  @Option(names = "--confidence", defaultValue = "high", description = "low, medium or high (default ${DEFAULT-VALUE})")
  String confidence;

  @Option(names = "--nodes", converter = BenchCommand.Count.class,
      description = "a synthetic organisation of this size (e.g. 1m), loaded in bulk, instead of the demo")
  Long nodes;

  @Option(names = "--data-dir", defaultValue = "target/bench-gate", description = "the run's own folder, wiped first (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--out", defaultValue = "bench-gate-report.json", description = "the JSON report (default ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(dataDir)) {
      try (var walk = Files.walk(dataDir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dataDir);
    GeneratedToken responder = TokenStore.generate("bench-responder", "person:bench", EnumSet.of(Role.RESPONDER));
    Path tokens = dataDir.resolve("tokens.yaml");
    TokenStore.write(tokens, List.of(responder.entry()));
    Map<String, String> env = Environment.withDataDir(dataDir.resolve("graph"));
    env.put("BLASTGATE_HTTP_PORT", "0");
    env.put("BLASTGATE_TOKENS_FILE", tokens.toString());
    if (nodes != null) {
      env.put("BLASTGATE_NEO4J_PAGECACHE", "1g");
    }
    AppConfig config = AppConfig.fromEnvironment(env);
    List<GateLoad.Target> targets;
    Blastgate program;
    if (nodes == null) {
      program = Blastgate.open(config);
      DemoCommand.loadDemo(program);
      targets = targets();
    } else {
      System.out.printf("generating and loading %,d entities in bulk…%n", nodes);
      var org = GateLoad.synthetic(Math.toIntExact(nodes), dataDir.resolve("org.json"));
      var loaded = Blastgate.loadInitially(config, org.bundle(), java.util.Optional.empty(),
          io.blastgate.importer.ImportProgress.none());
      if (!loaded.succeeded()) {
        throw new IllegalStateException("the synthetic organisation did not load: " + loaded.errors());
      }
      program = Blastgate.open(config);
      targets = GateLoad.targetsOf(org);
    }
    try (Blastgate.Server server = program.serve(Main.Version.get())) {
      GateLoad load = new GateLoad(URI.create("http://" + config.httpHost() + ":" + server.port()), responder.token());
      GateLoad.Report report = load.run(targets, new GateLoad.Options(clients, warmup, seconds, !real, confidence),
          System.out);
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
      System.out.println("report: " + out);
      return report.errors() == 0 ? 0 : 1;
    }
  }

  /** Every identity, credential and workload of the demo organisation, with the hard action that fits it. */
  private static List<GateLoad.Target> targets() throws Exception {
    JsonNode org;
    try (InputStream in = GateBenchCommand.class.getResourceAsStream(DemoCommand.DEMO_BUNDLE)) {
      org = Json.mapper().readTree(in);
    }
    List<GateLoad.Target> targets = new ArrayList<>();
    org.path("identities").forEach(n -> targets.add(new GateLoad.Target(n.get("id").asText(), "disable_identity")));
    org.path("credentials").forEach(n -> targets.add(new GateLoad.Target(n.get("id").asText(), "revoke_credential")));
    org.path("workloads").forEach(n -> targets.add(new GateLoad.Target(n.get("id").asText(), "block_workload")));
    return targets;
  }
}
