package io.blastgate.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test-only source format, as small as a format gets: a roster, one line per team ({@code team
 * platform}) or per person with the teams they belong to ({@code person ana platform security}),
 * read into canonical owners. A {@code .roster} file, or a folder or archive holding {@code
 * team.roster}. Its source is the one requested, else the input's name without its extension.
 */
final class RosterFormat implements InputFormat {
  static final String FOLDER_FILE = "team.roster";

  @Override
  public String name() {
    return "roster";
  }

  @Override
  public boolean recognises(Path path, Form form) {
    return switch (form) {
      case FILE -> path.getFileName().toString().endsWith(".roster");
      case FOLDER, ARCHIVE_ROOT -> Files.isRegularFile(path.resolve(FOLDER_FILE));
    };
  }

  @Override
  public SourceInput open(Path path, Opening opening) {
    Path file = opening.form() == Form.FILE ? path : path.resolve(FOLDER_FILE);
    String stem = opening.inputName().replaceFirst("\\.[^.]*$", "");
    return new Roster(file, opening.requestedSource().orElse(stem));
  }

  @Override
  public List<String> archiveHolds() {
    return List.of(FOLDER_FILE);
  }

  /** One roster file; an entity's position is its line number. */
  private static final class Roster implements SourceInput {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Path file;
    private final String source;

    Roster(Path file, String source) {
      this.file = file;
      this.source = source;
    }

    @Override
    public Locations locations() {
      String name = file.getFileName().toString();
      return new Locations() {
        @Override
        public String of(Label label, long position, String field, int item) {
          return name + ":" + position;
        }

        @Override
        public long order(Label label, long position) {
          return Problems.order(0, position);
        }
      };
    }

    @Override
    public boolean read(Visitor visitor, Problems problems) throws IOException {
      try (BufferedReader lines = Files.newBufferedReader(file)) {
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          number++;
          String[] words = line.strip().split("\\s+");
          switch (words[0]) {
            case "", "#" -> {}
            case "team" -> visitor.entity(Label.OWNER, number, owner("team:" + words[1], "team"));
            case "person" -> {
              ObjectNode person = owner("person:" + words[1], "person");
              var teams = person.putArray("member_of");
              for (int i = 2; i < words.length; i++) {
                teams.add("team:" + words[i]);
              }
              visitor.entity(Label.OWNER, number, person);
            }
            default -> problems.error(Problems.order(0, number), file.getFileName() + ":" + number,
                "unknown line '" + words[0] + "': a line is 'team NAME' or 'person NAME TEAM…'");
          }
        }
      }
      return true;
    }

    private static ObjectNode owner(String id, String kind) {
      return NODES.objectNode().put("id", id).put("kind", kind);
    }

    @Override
    public String source(Problems problems) {
      if (!SourceInput.validSourceName(source)) {
        problems.error(Problems.TOP, "source", "'" + source + "' is not a valid source name");
        return null;
      }
      return source;
    }

    @Override
    public String sourceForReport() {
      return source;
    }
  }
}
