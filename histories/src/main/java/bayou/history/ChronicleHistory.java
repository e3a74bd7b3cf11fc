package bayou.history;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The durable history of one run: every event is appended to a Chronicle Queue in
 * {@code runDir/queue} before {@code record} returns, so a run killed with SIGKILL keeps every
 * event it had recorded.
 *
 * <p>Thread-safe. Index assignment and append happen under one lock, so the queue holds events in
 * index order and times never decrease along it.
 */
public final class ChronicleHistory implements HistorySink {
  private final QueueWriter writer;
  private final LongSupplier clockNanos;
  private final long startNanos;
  private long nextIndex;

  private ChronicleHistory(QueueWriter writer, LongSupplier clockNanos) {
    this.writer = writer;
    this.clockNanos = clockNanos;
    this.startNanos = clockNanos.getAsLong();
  }

  /**
   * Opens a new history in {@code runDir/queue}, creating directories as needed. Times are
   * measured from this call.
   *
   * @throws IllegalArgumentException if runDir already holds a history (indexes would restart at
   *     0 in the middle of it)
   */
  public static ChronicleHistory create(Path runDir) {
    return create(runDir, System::nanoTime);
  }

  /**
   * As {@link #create(Path)}, with event times from {@code clockNanos}: the simulator's virtual
   * clock makes the whole history a function of the seed.
   */
  public static ChronicleHistory create(Path runDir, LongSupplier clockNanos) {
    if (QueueFiles.holdsHistory(runDir)) {
      throw new IllegalArgumentException(
          runDir.toAbsolutePath() + " already holds a history; use a new run directory");
    }
    return new ChronicleHistory(new QueueWriter(QueueFiles.queueDir(runDir)), clockNanos);
  }

  @Override
  public synchronized OpEvent record(OpEvent event) {
    OpEvent recorded = event.at(nextIndex, now());
    append(recorded);
    return recorded;
  }

  @Override
  public synchronized NemesisEvent record(NemesisEvent event) {
    NemesisEvent recorded = event.at(nextIndex, now());
    append(recorded);
    return recorded;
  }

  @Override
  public synchronized SnapshotEvent record(SnapshotEvent event) {
    SnapshotEvent recorded = event.at(nextIndex, now());
    append(recorded);
    return recorded;
  }

  /** SHA-256 of the history so far, in hex: equal digests, equal histories. */
  @Override
  public synchronized String digest() {
    return writer.digest();
  }

  /** Closes the queue. Events already recorded stay readable. */
  @Override
  public synchronized void close() {
    writer.close();
  }

  private long now() {
    return clockNanos.getAsLong() - startNanos;
  }

  /** Only a written event consumes an index, so a rejected event leaves no gap. */
  private void append(HistoryEvent event) {
    writer.write(event);
    nextIndex++;
  }
}
