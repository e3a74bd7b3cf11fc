package bayou.history;

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
    try (DocumentContext dc = appender.writingDocument()) {
      try {
        encoder.write(event, dc.wire().bytes());
      } catch (RuntimeException e) {
        dc.rollbackOnClose();
        encoder.rollback();
        throw e;
      }
    }
    encoder.commit();
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
