package bayou.cluster;

import bayou.history.HistoryEvent;
import bayou.history.HistorySink;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.List;

/** A history sink in memory, for tests of what a cluster records. */
final class ListSink implements HistorySink {
  final List<HistoryEvent> events = new ArrayList<>();

  @Override
  public synchronized OpEvent record(OpEvent event) {
    OpEvent placed = event.at(events.size(), events.size());
    events.add(placed);
    return placed;
  }

  @Override
  public synchronized NemesisEvent record(NemesisEvent event) {
    NemesisEvent placed = event.at(events.size(), events.size());
    events.add(placed);
    return placed;
  }

  @Override
  public synchronized SnapshotEvent record(SnapshotEvent event) {
    SnapshotEvent placed = event.at(events.size(), events.size());
    events.add(placed);
    return placed;
  }

  synchronized List<NemesisEvent> nemeses(String f) {
    return events.stream().filter(e -> e instanceof NemesisEvent n && n.f().equals(f))
        .map(e -> (NemesisEvent) e).toList();
  }

  @Override
  public void close() {}
}
