package bayou.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a run's history. Works on a finished run, on a run whose writer is still appending (it
 * reads what is there when it gets there) and on a run whose writer was killed.
 */
public final class HistoryReader {
  /** Chronicle's header before each document: its length and flags. */
  static final int DOCUMENT_HEADER_BYTES = 4;

  private HistoryReader() {}

  /**
   * Streams every event of the history in runDir, in index order, until the end of what has
   * been written. While a writer appends, events it adds during the call are read too, as long as
   * the reader gets to them; a document still being written ends the stream.
   *
   * @param runDir a run directory (holding {@code queue/}), or the queue directory itself
   * @throws IllegalArgumentException if runDir holds no history
   */
  public static void forEach(Path runDir, Consumer<HistoryEvent> action) {
    forEachSized(runDir, (event, bytes) -> action.accept(event));
  }

  /**
   * {@link #forEach}, with what each event takes in the queue: the bytes of its documents,
   * their headers included (not the index files, nor the unused end of a cycle file).
   */
  public static void forEachSized(Path runDir, ObjLongConsumer<HistoryEvent> action) {
    Path queueDir = QueueFiles.existingQueueDir(runDir);
    try (ChronicleQueue queue = QueueFiles.openForReading(queueDir);
        ExcerptTailer tailer = queue.createTailer()) {
      EventDecoder decoder = new EventDecoder();
      long[] bytes = new long[1];
      HistoryEvent event;
      while ((event = next(tailer, decoder, queueDir, bytes)) != null) {
        // Outside the document: a slow or failing action must not hold the tailer's document.
        action.accept(event, bytes[0]);
      }
    }
  }

  /** All events of the history in runDir, in index order. */
  public static List<HistoryEvent> readAll(Path runDir) {
    List<HistoryEvent> events = new ArrayList<>();
    forEach(runDir, events::add);
    return events;
  }

  /**
   * The next complete event, or null at the end. A document a killed writer left half written
   * is not complete, so it reads as the end; so are the pieces of an event whose last piece
   * never came.
   */
  private static HistoryEvent next(
      ExcerptTailer tailer, EventDecoder decoder, Path queueDir, long[] size) {
    Bytes<?> pieces = null;
    size[0] = 0;
    while (true) {
      try (DocumentContext dc = tailer.readingDocument()) {
        if (!dc.isPresent()) {
          return null;
        }
        try {
          Bytes<?> bytes = dc.wire().bytes();
          size[0] += DOCUMENT_HEADER_BYTES + bytes.readRemaining();
          if (bytes.peekUnsignedByte() != EventFormat.PIECE) {
            return decoder.read(bytes); // pieces before it, if any, were of a failed write
          }
          bytes.readSkip(1);
          long after = bytes.readStopBit();
          if (pieces == null) {
            pieces = QueueWriter.heapBytes();
          }
          pieces.write(bytes);
          if (after == 0) {
            return decoder.read(pieces);
          }
        } catch (RuntimeException e) {
          throw new IllegalStateException("cannot read the event at queue index 0x"
              + Long.toHexString(dc.index()) + " of " + queueDir + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
