package io.blastgate.http;

import io.blastgate.config.PrivateFiles;
import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where uploads wait while they are imported: a folder of the service's own ({@code spool/} in the
 * data folder, not the machine's shared temporary folder), private to its user ({@code rwx------}),
 * each upload a file {@code rw-------} that is deleted when its request ends. What a crash left there
 * is deleted when the API starts, and the log says how much.
 */
final class Spool {
  private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

  private final Path folder;

  private Spool(Path folder) {
    this.folder = folder;
  }

  /** The spool in {@code folder}, made private and emptied. */
  static Spool open(Path folder) {
    try {
      PrivateFiles.privateFolder(folder).ifPresent(was -> LOG.warn(
          "the upload spool {} was open to group or others ({}); made it private to this user", folder, was));
      int removed = empty(folder);
      if (removed > 0) {
        LOG.warn("removed {} upload(s) that an earlier run left in the spool {}", removed, folder);
      }
      return new Spool(folder);
    } catch (IOException e) {
      throw new InvalidConfiguration("the configuration", List.of("BLASTGATE_DATA_DIR: the upload spool " + folder
          + " cannot be made private to this user and emptied; use a data folder this user owns"));
    }
  }

  Path folder() {
    return folder;
  }

  /** A new upload's file, {@code rw-------}, with the suffix of its type. */
  Path newFile(String suffix) throws IOException {
    return PrivateFiles.newFile(folder, "upload-", suffix);
  }

  /** Deletes everything in the folder; returns how many uploads (files or unpacked folders) there were. */
  private static int empty(Path folder) throws IOException {
    int removed = 0;
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        delete(entry);
        removed++;
      }
    }
    return removed;
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
