package bayou.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.openhft.chronicle.bytes.Bytes;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends events, exactly as given, to one queue. Not thread-safe: callers serialize appends
 * (ChronicleHistory does, because index order must equal queue order).
 */
final class QueueWriter implements AutoCloseable {
  private final Path queueDir;
  private final ChronicleQueue queue;
  private final ExcerptAppender appender;
  private final EventEncoder encoder = new EventEncoder();
  private final Bytes<?> encoded = heapBytes();
  private byte[] written = new byte[1 << 12]; // a document's bytes, for the queue and the digest
  private final MessageDigest digest = sha256();
  private boolean closed;

  QueueWriter(Path queueDir) {
    this.queueDir = queueDir;
    this.queue = QueueFiles.openForWriting(queueDir);
    try {
      this.appender = queue.createAppender();
      // Chronicle ties an appender to its first thread; our callers hand it between threads
      // under a lock, which is safe.
      appender.singleThreadedCheckDisabled(true);
    } catch (RuntimeException e) {
      queue.close();
      throw e;
    }
  }

  /**
   * Once this returns the event is in the memory-mapped file, so it survives a kill of this
   * process (the page cache belongs to the kernel); only a machine crash could lose it.
   */
  void write(HistoryEvent event) {
    if (closed) {
      throw new IllegalStateException("history " + queueDir + " is closed");
    }
    EventEncoder.validate(event);
    // Encoded on the heap first, then copied into the queue in one piece: reading a large
    // document back out of the mapped file for the digest crashed the JVM (SIGSEGV in Chronicle's
    // unchecked copy) once a document crossed into a new mapping, in long runs.
    int length;
    try {
      encoded.clear();
      encoder.write(event, encoded);
      length = (int) encoded.readRemaining();
      if (length > written.length) {
        written = new byte[Math.max(length, 2 * written.length)];
      }
      encoded.read(written, 0, length);
    } catch (RuntimeException e) {
      encoder.rollback();
      throw e;
    }
    try {
      if (length <= EventFormat.PIECE_BYTES) {
        writeDocument(-1, 0, length);
      } else {
        int pieces = (length + EventFormat.PIECE_BYTES - 1) / EventFormat.PIECE_BYTES;
        for (int piece = 0; piece < pieces; piece++) {
          int from = piece * EventFormat.PIECE_BYTES;
          writeDocument(pieces - 1 - piece, from, Math.min(length, from + EventFormat.PIECE_BYTES));
        }
      }
    } catch (RuntimeException e) {
      encoder.rollback();
      throw e;
    }
    digest.update(written, 0, length);
    encoder.commit();
  }

  /** One document: the encoded bytes [from, to), as a piece with {@code after} pieces to come. */
  private void writeDocument(int after, int from, int to) {
    try (DocumentContext dc = appender.writingDocument()) {
      try {
        Bytes<?> bytes = dc.wire().bytes();
        if (after >= 0) {
          bytes.writeByte(EventFormat.PIECE);
          bytes.writeStopBit(after);
        }
        bytes.write(written, from, to - from);
      } catch (RuntimeException e) {
        dc.rollbackOnClose();
        throw e;
      }
    }
  }

  /**
   * SHA-256 over every document written so far, in hex: the encoding is a function of the events
   * alone (symbols numbered in order of first use, maps in key order), so two histories with
   * the same digest hold the same events.
   */
  String digest() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An on-heap buffer; callers serialize writes, so Chronicle's one-thread check is off. */
  static Bytes<?> heapBytes() {
    ChronicleFlags.prepare(); // before Chronicle's first class loads: quiet, and out of ~
    Bytes<?> bytes = Bytes.allocateElasticOnHeap(1 << 12);
    bytes.singleThreadedCheckDisabled(true);
    return bytes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      appender.close();
    } finally {
      queue.close();
    }
  }
}
