package bayou.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines of at most a given number of bytes from a stream, so that a peer that never sends a
 * newline cannot make the reader hold more than that. A longer line is skipped
 * to its end and reported as a {@link LineTooLongException}; a node then closes the connection
 * (its peer is out of step), the master's command reader goes on with the next line.
 * Not thread-safe: one reader per connection.
 */
public final class LineReader {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final int maxBytes;
  private final boolean partialLastLine;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int length;

  /** A line longer than the reader's limit. */
  public static final class LineTooLongException extends IOException {
    LineTooLongException(int maxBytes) {
      super("a line longer than " + maxBytes + " bytes");
    }
  }

  /** A reader of text that may end without a newline (a script on stdin): that is a line. */
  public LineReader(InputStream in, int maxBytes) {
    this(in, maxBytes, true);
  }

  private LineReader(InputStream in, int maxBytes, boolean partialLastLine) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.partialLastLine = partialLastLine;
  }

  /**
   * A reader of a connection, where every message ends with a newline: text cut off by the end
   * of the stream is what a peer that died or was closed in the middle of a send left, not a
   * message, and reads as the end. (A long-run campaign saw such cut lines parsed as messages
   * when peers were killed or timed out while sending a large log.)
   */
  public static LineReader forConnection(InputStream in, int maxBytes) {
    return new LineReader(in, maxBytes, false);
  }

  /** The next line without its newline (and carriage return), or null at the end. */
  public String readLine() throws IOException {
    return readLine(maxBytes);
  }

  /**
   * The next line, here at most {@code lineBytesMax} long (a handshake's short line). A longer
   * line is read to its end and discarded, and the exception thrown: the next call reads the
   * line after it.
   */
  public String readLine(int lineBytesMax) throws IOException {
    length = 0;
    int max = Math.min(lineBytesMax, maxBytes);
    boolean tooLong = false;
    while (true) {
      if (position == limit && !fill()) {
        if (tooLong) {
          throw new LineTooLongException(max);
        }
        return length == 0 || !partialLastLine ? null : text();
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong && (long) length + position - start > max) {
        tooLong = true;
        length = 0;
      }
      if (!tooLong) {
        append(start, position - start);
      }
      if (position < limit) {
        position++; // the newline
        if (tooLong) {
          throw new LineTooLongException(max);
        }
        return text();
      }
    }
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private void append(int from, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  private String text() {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    String text = new String(line, 0, end, StandardCharsets.UTF_8);
    if (line.length > BUFFER_BYTES * 4) {
      line = new byte[256]; // a large message passed: do not hold its buffer for ever
    }
    return text;
  }
}
