package bayou.history;

import java.util.List;
import java.util.Map;

/**
 * One server's log at one moment: committed writes in CSN order, then tentative writes in log
 * order, and its version vector.
 *
 * @param reason {@code printLog}, {@code stabilize} or {@code final}
 */
public record SnapshotEvent(
    long index,
    long timeNanos,
    int server,
    String serverName,
    String reason,
    boolean primary,
    List<LogEntry> committed,
    List<LogEntry> tentative,
    Map<String, Long> vv)
    implements HistoryEvent {
  public SnapshotEvent {
    // a shared committed list is read-only and its entries never change: kept as it is, so
    // that a long run's snapshots hold each committed entry once, not once per snapshot
    committed = committed instanceof SharedPrefixList ? committed : List.copyOf(committed);
    tentative = List.copyOf(tentative);
    vv = Map.copyOf(vv);
  }

  public SnapshotEvent at(long newIndex, long newTimeNanos) {
    return new SnapshotEvent(newIndex, newTimeNanos, server, serverName, reason, primary,
        committed, tentative, vv);
  }
}
