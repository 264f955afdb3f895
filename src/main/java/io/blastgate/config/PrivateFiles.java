package io.blastgate.config;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The program's own folders and files on disk are private to the service's user: the data folder,
 * the upload spool, the tokens file. POSIX permissions are set and checked where the file system
 * has them, and nowhere else (there, the folder's place must keep it private).
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private PrivateFiles() {}

  /**
   * Makes {@code folder} private: creates it (and its missing parents) {@code rwx------}, or takes
   * group's and others' permissions away from one that exists. Returns what was taken away, for the
   * log ({@code "rwxr-xr-x"}), or empty when there was nothing to do.
   */
  public static Optional<String> privateFolder(Path folder) throws IOException {
    if (!posix(folder)) {
      Files.createDirectories(folder);
      return Optional.empty();
    }
    if (!Files.exists(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
      return Optional.empty();
    }
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(folder);
    if (now.stream().noneMatch(OTHERS::contains)) {
      return Optional.empty();
    }
    Set<PosixFilePermission> tightened = EnumSet.copyOf(now);
    tightened.removeAll(OTHERS);
    Files.setPosixFilePermissions(folder, tightened);
    return Optional.of(PosixFilePermissions.toString(now));
  }

  /** A new empty file in {@code folder}, {@code rw-------}, named {@code prefix…suffix}. */
  public static Path newFile(Path folder, String prefix, String suffix) throws IOException {
    return posix(folder)
        ? Files.createTempFile(folder, prefix, suffix, PosixFilePermissions.asFileAttribute(FILE))
        : Files.createTempFile(folder, prefix, suffix);
  }

  /** The permissions of {@code file} (e.g. {@code rw-r--r--}) when group or others may read or write it. */
  public static Optional<String> openToOthers(Path file) throws IOException {
    if (!posix(file)) {
      return Optional.empty();
    }
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
    boolean open = now.contains(PosixFilePermission.GROUP_READ) || now.contains(PosixFilePermission.GROUP_WRITE)
        || now.contains(PosixFilePermission.OTHERS_READ) || now.contains(PosixFilePermission.OTHERS_WRITE);
    return open ? Optional.of(PosixFilePermissions.toString(now)) : Optional.empty();
  }

  /** Whether the file system that holds {@code path} (or would hold it) has POSIX permissions. */
  private static boolean posix(Path path) throws IOException {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return false;
    }
    FileStore store = Files.getFileStore(existing);
    return store.supportsFileAttributeView(PosixFileAttributeView.class);
  }
}
