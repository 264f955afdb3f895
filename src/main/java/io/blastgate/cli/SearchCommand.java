package io.blastgate.cli;

import io.blastgate.app.Blastgate;
import io.blastgate.entities.EntityService;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.model.Label;
import io.blastgate.wire.EntityJson;
import io.blastgate.wire.Json;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Finds entities by name or id (each word as a prefix; an exact id first).",
      "Asks a running server when one is named (--server or BLASTGATE_URL, with a token); otherwise "
          + "reads the configured graph itself."
    })
final class SearchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TEXT", description = "words of a name or an id, e.g. stripe key")
  String text;

  @Option(names = "--label", description = "only entities of this label: Identity, Credential, Workload or Owner")
  String label;

  @Option(names = "--limit", defaultValue = "20", description = "the most hits listed (1 to " + EntityService.MAX_LIMIT + "; default ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--json", description = "print the API's JSON instead of a table")
  boolean json;

  @Mixin DataDirOption data;

  @Mixin ServerOption server;

  @Override
  public Integer call() throws Exception {
    Optional<Label> only = Optional.ofNullable(label).map(SearchCommand::label);
    if (limit < 1 || limit > EntityService.MAX_LIMIT) {
      throw new InvalidInput("--limit must be 1 to " + EntityService.MAX_LIMIT + ", was " + limit);
    }
    Optional<Remote> remote = server.remote(data, System.getenv());
    EntityJson.Page page;
    if (remote.isPresent()) {
      page = remote.get().search(text, label, limit);
    } else {
      try (Blastgate program = Blastgate.open(Environment.config(data.dataDir))) {
        page = EntityJson.Page.of(program.services().entities().search(text, only, limit, 0));
      }
    }
    System.out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(page) + System.lineSeparator() : EntityTables.page(page));
    return 0;
  }

  private static Label label(String name) {
    return Label.fromCypherName(name)
        .orElseThrow(
            () ->
                new InvalidInput(
                    "--label must be one of "
                        + Arrays.stream(Label.values()).map(Label::cypherName).collect(Collectors.joining(", "))
                        + ", was '" + name + "'"));
  }
}
