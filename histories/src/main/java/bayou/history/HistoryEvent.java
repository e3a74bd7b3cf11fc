package bayou.history;

/**
 * One entry of a run's history: a client operation event, a nemesis or control event, or a
 * snapshot of one server's log. Every event has a global {@code index} (0, 1, 2, ... in the order
 * recorded) and a {@code timeNanos} since the start of the run.
 */
public sealed interface HistoryEvent permits OpEvent, NemesisEvent, SnapshotEvent {
  long index();

  long timeNanos();
}
