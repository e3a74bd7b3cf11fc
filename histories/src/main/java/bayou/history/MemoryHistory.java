package bayou.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A history kept in memory only, indexed and timed as {@link ChronicleHistory} does: for the
 * thousands of short replays of shrinking in the simulator, whose histories are checked once and
 * thrown away. Every run the user sees is recorded to a queue on disk.
 */
public final class MemoryHistory implements HistorySink {
  private final List<HistoryEvent> events = new ArrayList<>();
  private final LongSupplier clockNanos;
  private final long startNanos;

  public MemoryHistory(LongSupplier clockNanos) {
    this.clockNanos = clockNanos;
    this.startNanos = clockNanos.getAsLong();
  }

  /** The events recorded so far, in index order. */
  public synchronized List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public synchronized OpEvent record(OpEvent event) {
    return add(event.at(events.size(), now()));
  }

  @Override
  public synchronized NemesisEvent record(NemesisEvent event) {
    return add(event.at(events.size(), now()));
  }

  @Override
  public synchronized SnapshotEvent record(SnapshotEvent event) {
    return add(event.at(events.size(), now()));
  }

  private <T extends HistoryEvent> T add(T event) {
    events.add(event);
    return event;
  }

  private long now() {
    return clockNanos.getAsLong() - startNanos;
  }

  @Override
  public void close() {}
}
