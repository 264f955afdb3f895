package io.blastgate.importer.input;

/**
 * What opening an input came to: a {@link Ready} input to import, or a {@link Refused} one, with the
 * one problem that stopped it. Closing it deletes what opening unpacked.
 */
public sealed interface OpenedInput extends AutoCloseable {
  @Override
  void close();

  /** An input that a registered format opened; {@code format} is that format's name. */
  final class Ready implements OpenedInput {
    private final String format;
    private final SourceInput input;
    private final ZipArchive unpacked;

    Ready(String format, SourceInput input, ZipArchive unpacked) {
      this.format = format;
      this.input = input;
      this.unpacked = unpacked;
    }

    public String format() {
      return format;
    }

    public SourceInput input() {
      return input;
    }

    @Override
    public void close() {
      if (unpacked != null) {
        unpacked.close();
      }
    }
  }

  /**
   * An input that no format could open: none recognised it, or the one that did refused it, or it is
   * no file, or an archive was refused while unpacking. {@code format} names the format that refused
   * it, else {@link InputFormats#CANONICAL}.
   */
  record Refused(String format, String location, String message) implements OpenedInput {
    @Override
    public void close() {}
  }
}
