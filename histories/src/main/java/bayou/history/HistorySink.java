package bayou.history;

/**
 * Where a run's events go. The sink assigns each event its index and time and returns the event
 * as recorded. Implementations are thread-safe: several clients complete at once.
 */
public interface HistorySink extends AutoCloseable {
  OpEvent record(OpEvent event);

  NemesisEvent record(NemesisEvent event);

  SnapshotEvent record(SnapshotEvent event);

  /** A fingerprint of everything recorded so far (equal digests, equal histories), or null. */
  default String digest() {
    return null;
  }

  @Override
  void close();

  /** A sink that records nothing, for runs without {@code --history}. */
  static HistorySink none() {
    return NoHistory.INSTANCE;
  }
}
