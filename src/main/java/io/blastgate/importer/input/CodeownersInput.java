package io.blastgate.importer.input;

import io.blastgate.importer.input.CodeownersRules.Owner;
import io.blastgate.importer.input.CodeownersRules.Rule;
import io.blastgate.model.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One CODEOWNERS file, read whole on each pass (a few thousand lines at most in practice): its rules
 * ({@link CodeownersRules}), then the join. Every owner it names becomes an Owner; each workload of the
 * graph whose {@code repository} is this file's gets {@code OWNS} from the owners of its folder. The
 * workloads are looked up once, on the first read, so that both passes hand on the same entities.
 */
final class CodeownersInput implements SourceInput {
  private static final int LINES_SHOWN = 20;

  private final Path file;
  private final String shown;
  private final String repository;
  private final String source;
  private final RepositoryWorkloads graph;
  private final List<Path> others;
  private List<RepositoryWorkloads.Workload> workloads;
  private PlacedEntities entities = new PlacedEntities(new Problems(0));

  CodeownersInput(Path file, String shown, String repository, String source, RepositoryWorkloads graph,
      List<Path> others) {
    this.file = file;
    this.shown = shown;
    this.repository = repository;
    this.source = source;
    this.graph = graph;
    this.others = List.copyOf(others);
  }

  @Override
  public Locations locations() {
    return entities;
  }

  @Override
  public boolean read(Visitor visitor, Problems problems) throws IOException {
    entities = new PlacedEntities(problems);
    if (!others.isEmpty()) {
      problems.warning(Problems.TOP, shown, "read " + shown + ", the first of the places GitHub looks; not read: "
          + others.stream().map(p -> p.toString().replace('\\', '/')).collect(Collectors.joining(", ")));
    }
    List<String> lines;
    try {
      lines = lines();
    } catch (Utf8Reader.NotUtf8 e) {
      problems.error(Problems.TOP, shown + ":" + e.line(), "not UTF-8 (bytes " + e.bytes() + "); the rest of this"
          + " file was not read");
      return false;
    }
    CodeownersRules rules = CodeownersRules.parse(lines, shown, problems);
    List<Rule> owning = rules.owningRules();
    if (owning.isEmpty() && !problems.hasErrors()) {
      problems.error(Problems.TOP, shown, "no rule of this file names an owner: nothing to import (an empty source"
          + " would remove everything this source asserted before)");
    }
    for (Rule rule : owning) {
      for (Owner owner : rule.owners()) {
        String place = shown + ":" + rule.line();
        if (entities.assertEntity(Label.OWNER, owner.id(), owner.kind(), place, false)) {
          entities.set(owner.id(), "email", owner.email(), place);
        }
      }
    }
    join(rules, owning, problems);
    if (!rules.notMapped().isEmpty()) {
      problems.warning(Problems.TOP, shown, "not mapped: " + rules.notMapped().entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
          + " (importers/codeowners/README.md says why)");
    }
    entities.emit(visitor);
    return true;
  }

  /** Each workload of the repository owned by the owners of its folder, and what the report says of it. */
  private void join(CodeownersRules rules, List<Rule> owning, Problems problems) {
    if (workloads == null) {
      workloads = List.copyOf(graph.in(repository));
    }
    if (workloads.isEmpty()) {
      problems.warning(Problems.TOP, shown, "no workload in the graph has its code in " + repository + " (the"
          + " workload property repository, from Backstage's github.com/project-slug or backstage.io/source-location,"
          + " or Kubernetes' blastgate.io/repository): no ownership is recorded; import the catalog or manifests"
          + " first, then this file again");
      return;
    }
    Map<String, Map<Owner, Rule>> byFolder = new HashMap<>();
    Set<Rule> used = new LinkedHashSet<>();
    int joined = 0;
    int relationships = 0;
    for (RepositoryWorkloads.Workload workload : workloads) {
      Map<Owner, Rule> owners = byFolder.computeIfAbsent(workload.path(),
          path -> rules.ownersOf(CodeownersPattern.segments(path)));
      for (Map.Entry<Owner, Rule> owner : owners.entrySet()) {
        entities.add(owner.getKey().id(), "owns", workload.id(), shown + ":" + owner.getValue().line());
        used.add(owner.getValue());
        relationships++;
      }
      joined += owners.isEmpty() ? 0 : 1;
    }
    problems.warning(Problems.TOP, shown, "joined " + joined + " of the " + workloads.size() + " workloads in the"
        + " graph whose code is in " + repository + " to their owners (" + relationships + " OWNS)"
        + (joined < workloads.size() ? "; " + (workloads.size() - joined) + " have no owner here" : "")
        + "; a workload imported later is joined when this file is imported again");
    List<Integer> unused = owning.stream().filter(r -> !used.contains(r)).map(Rule::line).toList();
    if (!unused.isEmpty()) {
      problems.warning(Problems.TOP, shown, unused.size() + " rules own no workload of " + repository + " (lines "
          + unused.stream().limit(LINES_SHOWN).map(String::valueOf).collect(Collectors.joining(", "))
          + (unused.size() > LINES_SHOWN ? ", …" : "") + ")");
    }
  }

  private List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        BufferedReader reader = new BufferedReader(new Utf8Reader(in))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Override
  public String source(Problems problems) {
    if (!SourceInput.validSourceName(source)) {
      problems.error(Problems.TOP, "source", "'" + source + "' is not a valid source name: "
          + SourceInput.sourceNameRule() + " (name the source when the repository's name is too long for one)");
      return null;
    }
    return source;
  }

  @Override
  public String sourceForReport() {
    return source;
  }
}
