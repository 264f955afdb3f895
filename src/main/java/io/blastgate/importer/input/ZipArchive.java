package io.blastgate.importer.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A .zip holding one source's input, of any registered format, unpacked into a temporary folder that
 * {@link #close()} deletes; {@link InputFormats} then offers its {@link #root()} to the formats.
 * Refuses an entry that would land outside that folder (zip slip), more entries than an input could
 * need, and more bytes in total than allowed (counted as written, since the sizes a zip declares can
 * lie).
 */
final class ZipArchive implements AutoCloseable {
  static final int MAX_ENTRIES = 10_000;

  /** Why an archive was refused, with the entry it concerns. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String entry;

    Refused(String entry, String message) {
      super(message);
      this.entry = entry;
    }

    String entry() {
      return entry;
    }
  }

  private final Path folder;

  private ZipArchive(Path folder) {
    this.folder = folder;
  }

  /** The folder the archive was unpacked into. */
  Path folder() {
    return folder;
  }

  static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
          && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
    }
  }

  /**
   * Unpacks {@code zip} into a new temporary folder. A problem with the archive is {@link Refused}
   * with the entry it concerns, named by its path inside the archive, in words of ours (the zip
   * library's messages name its own structures); a failure to write the folder propagates.
   */
  static ZipArchive unpack(Path zip, long maxBytes) throws IOException, Refused {
    Path folder = Files.createTempDirectory("blastgate-import-");
    ZipArchive archive = new ZipArchive(folder);
    try (ZipFile file = open(zip)) {
      if (file.size() > MAX_ENTRIES) {
        throw new Refused("", "the archive holds more than " + MAX_ENTRIES + " entries");
      }
      Enumeration<? extends ZipEntry> entries = file.entries();
      Set<Path> written = new HashSet<>();
      long total = 0;
      int count = 0;
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new Refused("", "the archive holds more than " + MAX_ENTRIES + " entries");
        }
        if (ignored(entry.getName())) {
          continue;
        }
        Path target = inside(folder, entry.getName());
        if (!written.add(target)) {
          throw new Refused(entry.getName(), "the archive holds this path twice; which one is meant?");
        }
        total += unpackEntry(file, entry, target, maxBytes - total, maxBytes);
      }
    } catch (IOException | Refused | RuntimeException e) {
      archive.close();
      throw e;
    }
    return archive;
  }

  /** The archive's directory of entries; one that cannot be read (ZipException, EOFException) is refused. */
  private static ZipFile open(Path zip) throws Refused {
    try {
      return new ZipFile(zip.toFile());
    } catch (IOException e) {
      throw new Refused("", "not a readable zip archive (its directory of entries is missing or damaged)");
    }
  }

  /** Writes one entry (a folder, or a file of at most {@code allowed} bytes); returns its size. */
  private static long unpackEntry(ZipFile file, ZipEntry entry, Path target, long allowed, long maxBytes)
      throws IOException, Refused {
    String name = entry.getName();
    try {
      if (entry.isDirectory()) {
        Files.createDirectories(target);
        return 0;
      }
      Files.createDirectories(target.getParent());
      try (InputStream in = entryData(file, entry); OutputStream out = Files.newOutputStream(target)) {
        return copy(in, out, allowed, name, maxBytes);
      }
    } catch (FileSystemException e) {
      // A path the folder cannot hold: a file where another entry made a folder, a name too long.
      throw new Refused(name, "this entry's path cannot be unpacked (it clashes with another entry's, or is too long)");
    }
  }

  /** An entry's data; a local header that cannot be read is the archive's problem, not the server's. */
  private static InputStream entryData(ZipFile file, ZipEntry entry) throws Refused {
    try {
      return file.getInputStream(entry);
    } catch (IOException e) {
      throw new Refused(entry.getName(), "this entry is damaged and cannot be unpacked");
    }
  }

  /** What archivers add on their own and no input holds. */
  private static boolean ignored(String name) {
    return name.startsWith("__MACOSX/") || name.endsWith(".DS_Store");
  }

  private static Path inside(Path folder, String name) throws Refused {
    String outside = "an entry outside the archive's folder (its path starts at a root or climbs out with '..');"
        + " nothing was unpacked";
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":") || name.contains("\0")) {
      throw new Refused(name, outside);
    }
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new Refused(name, outside);
    }
    return target;
  }

  /** Copies one entry's bytes, counting them: a zip's declared sizes can lie. */
  private static long copy(InputStream in, OutputStream out, long allowed, String entry, long maxBytes)
      throws IOException, Refused {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    int n;
    while ((n = readEntry(in, buffer, entry)) > 0) {
      copied += n;
      if (copied > allowed) {
        throw new Refused(entry, "the archive unpacks to more than " + maxBytes
            + " bytes, the most an import may hold (the upload limit); nothing was imported");
      }
      out.write(buffer, 0, n);
    }
    return copied;
  }

  /** Reads an entry's data; data that does not inflate is the archive's problem, not the server's. */
  private static int readEntry(InputStream in, byte[] buffer, String entry) throws Refused {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new Refused(entry, "this entry is damaged and cannot be unpacked");
    }
  }

  /** The input inside: the folder itself, or its one sub-folder when the zip was made of a folder. */
  Path root() throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      List<Path> all = children.toList();
      if (all.size() == 1 && Files.isDirectory(all.get(0))) {
        return all.get(0);
      }
    }
    return folder;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot delete the temporary folder " + folder, e);
    }
  }
}
