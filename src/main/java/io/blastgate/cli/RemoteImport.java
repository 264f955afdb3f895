package io.blastgate.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.blastgate.error.BlastgateException.InvalidInput;
import io.blastgate.importer.input.InputChoice;
import io.blastgate.wire.ImportReportJson;
import io.blastgate.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An import sent to a running server: the API takes one document (JSON, YAML or a .zip) and always a
 * source name, so a folder is zipped first with its sub-folders (its name is its source, as offline), a
 * JSON bundle's own {@code source} is read from it when none is given, and a YAML file's source is its
 * name without its extension, as offline; a CODEOWNERS file goes as text, its source its repository's
 * (as offline). A .zip needs {@code --source}. The format, when named, and the format's options go as
 * query parameters.
 */
final class RemoteImport {
  /** The server's report, and how many errors it counted (it lists at most its limit of them). */
  record Outcome(ImportReportJson report, long errorCount) {}

  private RemoteImport() {}

  static Outcome send(Remote remote, Path path, Optional<String> source, InputChoice choice) throws IOException {
    String repository = choice.options().get("repository");
    if (source.isEmpty() && repository != null) {
      // A CODEOWNERS file's source is its repository's, as offline, not the name of the file or folder.
      source = io.blastgate.importer.input.CodeownersFormat.defaultSource(repository);
    }
    if (Files.isDirectory(path)) {
      Path zip = Files.createTempFile("blastgate-import-", ".zip");
      try {
        zipFolder(path, zip);
        return remote.importDocument(zip, "application/zip", source.orElse(path.getFileName().toString()), choice);
      } finally {
        Files.deleteIfExists(zip);
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidInput(path + ": no such file or folder");
    }
    if (isZip(path)) {
      return remote.importDocument(path, "application/zip", source.orElseThrow(
          () -> new InvalidInput("name the source with --source when sending a .zip to a server")), choice);
    }
    if (path.getFileName().toString().equals("CODEOWNERS") || choice.format().filter("codeowners"::equals).isPresent()) {
      return remote.importDocument(path, "text/plain", source.orElse("CODEOWNERS"), choice);
    }
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      String stem = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      return remote.importDocument(path, "application/yaml", source.orElse(stem), withCluster(choice, stem));
    }
    return remote.importDocument(path, "application/json", source.orElseGet(() -> sourceOf(path)), choice);
  }

  /**
   * An upload has no name on the server, which would name the cluster after the source: a YAML file's
   * cluster is named after the file here, as offline, unless one is given.
   */
  private static InputChoice withCluster(InputChoice choice, String stem) {
    if (choice.options().containsKey("cluster") || choice.format().filter(f -> !f.equals("kubernetes")).isPresent()) {
      return choice;
    }
    java.util.Map<String, String> options = new java.util.TreeMap<>(choice.options());
    options.put("cluster", stem);
    return new InputChoice(choice.format(), options);
  }

  /** A file's path inside the folder, with '/' between its names. */
  private static String entry(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
  }

  /** The bundle's own top-level {@code source}, read without reading the rest. */
  private static String sourceOf(Path json) {
    try (JsonParser parser = Json.mapper().createParser(json.toFile())) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if (name.equals("source") && value == JsonToken.VALUE_STRING) {
            return parser.getText();
          }
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // Not JSON the server would take either: let it say what is wrong, under a name to refuse.
      return "unnamed";
    }
    throw new InvalidInput(json + " names no source: give --source");
  }

  /**
   * The folder's files at the root of a .zip (a bundle's CSV files, as the server expects them), with
   * its sub-folders' files under their paths (manifests, a catalog); hidden files and folders left out.
   */
  private static void zipFolder(Path folder, Path zip) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.walk(folder)) {
      files = list.filter(Files::isRegularFile).filter(f -> !entry(folder, f).matches("(.*/)?\\..*")).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      for (Path file : files) {
        archive.putNextEntry(new ZipEntry(entry(folder, file)));
        Files.copy(file, archive);
        archive.closeEntry();
      }
    }
  }
}
