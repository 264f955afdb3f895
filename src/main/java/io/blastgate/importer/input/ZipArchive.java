package io.blastgate.importer.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
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

  static ZipArchive unpack(Path zip, long maxBytes) throws IOException, Refused {
    Path folder = Files.createTempDirectory("blastgate-import-");
    ZipArchive archive = new ZipArchive(folder);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      long total = 0;
      int count = 0;
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new Refused(entry.getName(), "the archive holds more than " + MAX_ENTRIES + " entries");
        }
        if (ignored(entry.getName())) {
          continue;
        }
        Path target = inside(folder, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
          total += copy(in, out, maxBytes - total, entry.getName(), maxBytes);
        }
      }
    } catch (ZipException e) {
      archive.close();
      throw new Refused("", "not a readable zip archive: " + e.getMessage());
    } catch (IOException | Refused | RuntimeException e) {
      archive.close();
      throw e;
    }
    return archive;
  }

  /** What archivers add on their own and no input holds. */
  private static boolean ignored(String name) {
    return name.startsWith("__MACOSX/") || name.endsWith(".DS_Store");
  }

  private static Path inside(Path folder, String name) throws Refused {
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":") || name.contains("\0")) {
      throw new Refused(name, "entry '" + name + "' has an absolute or unsafe path; refused");
    }
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new Refused(name, "entry '" + name + "' would be written outside the archive's folder (zip slip); refused");
    }
    return target;
  }

  private static long copy(InputStream in, OutputStream out, long allowed, String entry, long maxBytes)
      throws IOException, Refused {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      copied += n;
      if (copied > allowed) {
        throw new Refused(entry, "the archive unpacks to more than " + maxBytes + " bytes, the most allowed");
      }
      out.write(buffer, 0, n);
    }
    return copied;
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
