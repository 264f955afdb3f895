package io.blastgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blastgate.app.Blastgate;
import io.blastgate.config.AppConfig;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.model.HopBound;
import io.blastgate.wire.BlastRadiusJson;
import io.blastgate.wire.Json;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "blast-radius",
    mixinStandardHelpOptions = true,
    description = {
      "What would break if TARGET (a credential, identity or workload id) were contained.",
      "Asks a running server when one is named (--server or BLASTGATE_URL, with a token); otherwise "
          + "reads the configured graph (BLASTGATE_DATA_DIR or BLASTGATE_NEO4J_URI) itself. An embedded data "
          + "folder can be open in one process at a time: while a server runs on it, ask the server."
    })
final class BlastRadiusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TARGET", description = "the target's id, e.g. cred:vault/prod/stripe-api-key")
  String target;

  /** How the answer is printed. */
  enum Format {
    table, json, mermaid, dot
  }

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json (the API's JSON), mermaid or dot (a diagram to paste into a document)")
  Format format;

  @Option(names = "--json", description = "the same as --format json")
  boolean json;

  @Option(
      names = "--max-hops",
      description =
          "traversal bound for this answer (from " + HopBound.DIRECT + "; default BLASTGATE_MAX_HOPS or "
              + HopBound.DEFAULT + "); the answer says truncated when it cut something")
  Integer maxHops;

  @Option(
      names = "--direct",
      description = "the directly impacted workloads only: --max-hops " + HopBound.DIRECT)
  boolean direct;

  @Mixin DataDirOption data;

  @Mixin ServerOption server;

  @Override
  public Integer call() throws Exception {
    if (json && format != null && format != Format.json) {
      throw new InvalidInput("--json and --format " + format + " disagree: give one of them");
    }
    Format chosen = json ? Format.json : format == null ? Format.table : format;
    if (direct) {
      if (maxHops != null && maxHops != HopBound.DIRECT) {
        throw new InvalidInput("--direct is --max-hops " + HopBound.DIRECT + ": give one or the other");
      }
      maxHops = HopBound.DIRECT;
    }
    if (maxHops != null && !HopBound.allowedForOneAnswer(maxHops)) {
      throw new InvalidInput(HopBound.ruleForOneAnswer(maxHops)); // before Neo4j starts, not after
    }
    Optional<Remote> remote = server.remote(data, System.getenv());
    BlastRadiusJson answer = remote.isPresent() ? remote.get().blastRadius(target, maxHops) : computeHere();
    switch (chosen) {
      case json -> {
        ObjectMapper mapper = Json.mapper();
        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
      }
      case table -> System.out.print(BlastRadiusTable.render(answer));
      case mermaid -> System.out.print(BlastRadiusDiagram.mermaid(answer));
      case dot -> System.out.print(BlastRadiusDiagram.dot(answer));
    }
    return 0;
  }

  private BlastRadiusJson computeHere() {
    AppConfig config = Environment.config(data.dataDir);
    try (Blastgate program = Blastgate.open(config)) {
      return BlastRadiusJson.of(
          program.services().blastRadius().compute(target, maxHops == null ? config.maxHops() : maxHops));
    }
  }
}
