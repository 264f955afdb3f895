package io.blastgate.importer.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * UTF-8 text and nothing else, for the parsers: an overlong form, an encoded surrogate, a code point
 * above U+10FFFF or a sequence cut short stops the reading with {@link NotUtf8}, which says where (line
 * and column of the character that would have come) and which bytes. A parser's own UTF-8 decoding
 * rewrites such bytes instead ({@code C0 AF} became '/'), so that two different ids could meet.
 *
 * <p>Everything before the bad bytes is handed on first, and the failure comes with the next read: a
 * parser then stands exactly where the bad bytes are, so its own place (a JSON pointer) is theirs too.
 * A leading byte order mark is dropped.
 */
public final class Utf8Reader extends Reader {
  /** Bytes that are not UTF-8, and where they stand. */
  public static final class NotUtf8 extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final long column;
    private final String bytes;

    NotUtf8(long line, long column, String bytes) {
      super("not UTF-8 at line " + line + ", column " + column + " (bytes " + bytes + ")");
      this.line = line;
      this.column = column;
      this.bytes = bytes;
    }

    public long line() {
      return line;
    }

    public long column() {
      return column;
    }

    /** The offending bytes in hex, e.g. {@code C0 AF}. */
    public String bytes() {
      return bytes;
    }
  }

  private static final char BOM = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
  private boolean endOfInput;
  private boolean started;
  private NotUtf8 failure;
  private long line = 1;
  private long column = 1;
  private char previous;

  public Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (failure != null) {
        throw failure;
      }
      if (!decodeMore()) {
        return -1;
      }
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /** Decodes what the bytes hold next; false at the end of the input. */
  private boolean decodeMore() throws IOException {
    chars.clear();
    int malformed = 0;
    while (true) {
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (result.isError()) {
        malformed = result.length();
        break;
      }
      if (result.isOverflow() || chars.position() > 0 || endOfInput) {
        break;
      }
      fill();
    }
    chars.flip();
    dropLeadingBom();
    count();
    if (malformed > 0) {
      failure = new NotUtf8(line, column, hex(malformed));
    }
    return chars.hasRemaining() || failure != null;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void dropLeadingBom() {
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == BOM) {
        chars.get();
      }
    }
  }

  /** Lines end at \n, \r or \r\n; a column counts characters (a surrogate pair is one). */
  private void count() {
    for (int i = chars.position(); i < chars.limit(); i++) {
      char c = chars.get(i);
      if (c == '\n' && previous == '\r') {
        // the second half of \r\n: the line was counted at \r
      } else if (c == '\n' || c == '\r') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
      previous = c;
    }
  }

  /**
   * The bad bytes, and the continuation bytes right after them (up to four in all), so that an
   * overlong {@code C0 AF} reads as the pair it is, not as a lone {@code C0}.
   */
  private String hex(int malformed) {
    int start = bytes.position();
    int end = start + malformed;
    while (end < bytes.limit() && end - start < 4 && (bytes.get(end) & 0xC0) == 0x80) {
      end++;
    }
    StringBuilder out = new StringBuilder();
    for (int i = start; i < end; i++) {
      out.append(out.isEmpty() ? "" : " ").append(HexFormat.of().withUpperCase().toHexDigits(bytes.get(i)));
    }
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
