package io.blastgate.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** An upload written to a file of the {@link Spool}; closing deletes the file. */
public record SpooledUpload(Path file, long bytes, String mediaType) implements AutoCloseable {
  public SpooledUpload {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mediaType, "mediaType");
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
