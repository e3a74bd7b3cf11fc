package bayou.node;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A server's stable storage: one append-only file of records, each framed as its length (4
 * bytes), the CRC32C of its bytes (4 bytes) and the bytes (UTF-8 JSON).
 *
 * <p>Why not Chronicle Queue, which the histories use: a server appends a few small records per
 * batch and must know, after a SIGKILL at any byte, exactly which records are whole. A plain
 * file with a length and a checksum per record says that in a few lines, starts without
 * memory-mapping a cycle file (node start-up is on the course suite's critical path), and is
 * fsynced with one {@code force} per batch. Recovery reads records until the first one that is
 * short or fails its checksum (a torn tail: the crash came mid-append) and cuts the file there,
 * so later appends follow the last whole record.
 */
final class DiskLog implements AutoCloseable {
  /** A record longer than this is a torn or corrupt length, not a record. */
  static final int RECORD_BYTES_MAX = 64 << 20;
  static final int HEADER_BYTES = 8;

  /** How durable an append is when {@link #append} returns. */
  enum Fsync {
    /** Forced to the device before the batch's answers go out (one force per batch). */
    ALWAYS,
    /** Handed to the operating system only: survives a process kill, not a machine crash. */
    NEVER;

    static Fsync parse(String word) {
      for (Fsync policy : values()) {
        if (policy.name().equalsIgnoreCase(word)) {
          return policy;
        }
      }
      throw new IllegalArgumentException("unknown fsync policy '" + word
          + "'; expected always or never");
    }

    String flag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Path file;
  private final Fsync fsync;
  private FileChannel channel;

  DiskLog(Path file, Fsync fsync) {
    this.file = file;
    this.fsync = fsync;
  }

  /**
   * The whole records in the file, oldest first; a torn tail is cut off the file so that
   * appends continue after the last whole record. A missing file has no records.
   */
  List<String> recover() {
    List<String> records = new ArrayList<>();
    recover(records::add);
    return records;
  }

  /**
   * Hands each whole record in the file to {@code each}, oldest first, reading one at a time
   * (an hour-long run's disk, read whole, outgrew a node's heap), then cuts a torn tail off.
   */
  void recover(Consumer<String> each) {
    try {
      if (!Files.exists(file)) {
        return;
      }
      long size = Files.size(file);
      long at = 0;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        byte[] header = new byte[HEADER_BYTES];
        while (at + HEADER_BYTES <= size && in.readNBytes(header, 0, HEADER_BYTES)
            == HEADER_BYTES) {
          ByteBuffer framing = ByteBuffer.wrap(header);
          int length = framing.getInt();
          int crc = framing.getInt();
          if (length < 0 || length > RECORD_BYTES_MAX || at + HEADER_BYTES + length > size) {
            break;
          }
          byte[] bytes = in.readNBytes(length);
          if (bytes.length < length || checksum(bytes, 0, length) != crc) {
            break;
          }
          each.accept(new String(bytes, StandardCharsets.UTF_8));
          at += HEADER_BYTES + length;
        }
      }
      if (at < size) {
        Log.debug("disk log %s: cut a torn tail of %d bytes", file, size - at);
        try (FileChannel cut = FileChannel.open(file, StandardOpenOption.WRITE)) {
          cut.truncate(at);
          cut.force(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Appends records, as durable as the fsync policy says when this returns. */
  void append(List<String> records) {
    try {
      if (channel == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
      }
      List<byte[]> encoded = new ArrayList<>(records.size());
      int total = 0;
      for (String record : records) {
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        encoded.add(bytes);
        total += HEADER_BYTES + bytes.length;
      }
      ByteBuffer buffer = ByteBuffer.allocate(total);
      for (byte[] bytes : encoded) {
        buffer.putInt(bytes.length).putInt(checksum(bytes, 0, bytes.length)).put(bytes);
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (fsync == Fsync.ALWAYS) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  static int checksum(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
