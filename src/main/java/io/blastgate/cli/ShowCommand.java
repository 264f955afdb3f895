package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.wire.EntityJson;
import io.blastgate.wire.Json;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows one entity with its properties, provenance, owners and neighbours.",
      "Asks a running server when one is named (--server or BLASTGATE_URL, with a token); otherwise "
          + "reads the configured graph itself."
    })
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "the entity's id, e.g. cred:vault/prod/stripe-api-key")
  String id;

  @Option(names = "--json", description = "print the API's JSON instead of text")
  boolean json;

  @Mixin DataDirOption data;

  @Mixin ServerOption server;

  @Override
  public Integer call() throws Exception {
    Optional<Remote> remote = server.remote(data, System.getenv());
    EntityJson.Detail detail;
    if (remote.isPresent()) {
      detail = remote.get().entity(id);
    } else {
      try (Blastgate program = Blastgate.open(Environment.config(data.dataDir))) {
        detail = EntityJson.Detail.of(program.services().entities().lookup(id).orElseThrow(() -> new UnknownEntity(id)));
      }
    }
    System.out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(detail) + System.lineSeparator() : EntityTables.detail(detail));
    return 0;
  }
}
