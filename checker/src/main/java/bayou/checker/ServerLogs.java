package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server's log at any moment, rebuilt from the history alone: Bayou's state is a function of
 * the committed prefix and the set of tentative writes, so (commit count, version vector) names
 * it. The writes come from the longest committed order, every snapshot's tentative part and
 * every acknowledged write; the log is the first N committed writes, then the tentative writes
 * the vector covers, in (accept-stamp, acceptor) order.
 */
final class ServerLogs {
  private final int committedKnown;
  private final CommitPrefix prefix;
  private final Map<String, KeyWrites> byKey = new HashMap<>();
  /** Each acceptor's highest accept-stamp seen anywhere: bounds a retired acceptor's writes. */
  private final Map<String, Long> lastStamp = new HashMap<>();
  /**
   * Its entries by stamp, highest first: a read's bound walks only the acceptors whose last
   * stamp lies above its vector's highest entry, not every acceptor of the run.
   */
  private final List<Map.Entry<String, Long>> byLastStamp;

  private ServerLogs(History history) {
    List<LogEntry> longest = history.snapshots().isEmpty() ? List.of()
        : history.commitPrefix().longestLog();
    committedKnown = longest.size();
    prefix = history.snapshots().isEmpty() ? null : history.commitPrefix();
    Map<String, Map<WriteId, LogEntry>> writes = new HashMap<>();
    longest.forEach(entry -> add(writes, entry));
    for (SnapshotEvent snapshot : history.snapshots()) {
      snapshot.tentative().forEach(entry -> add(writes, entry));
    }
    for (Op op : history.ops()) {
      if (op.isWrite() && op.ok() && op.writeId() != null) {
        add(writes, new LogEntry(op.writeId(), -1, op.isPut() ? "PUT" : "DELETE", op.key(),
            op.isPut() ? op.putValue() : null));
      }
    }
    writes.forEach((key, ofKey) -> {
      List<LogEntry> sorted = new ArrayList<>(ofKey.values());
      sorted.sort((a, b) -> a.id().compareTo(b.id()));
      byKey.put(key, new KeyWrites(sorted, positions(sorted)));
    });
    byLastStamp = new ArrayList<>(lastStamp.entrySet());
    byLastStamp.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
  }

  static ServerLogs of(History history) {
    return new ServerLogs(history);
  }

  private Map<WriteId, Integer> positions(List<LogEntry> sorted) {
    Map<WriteId, Integer> positions = new HashMap<>();
    for (LogEntry entry : sorted) {
      int at = prefix == null ? -1 : prefix.position(entry.id());
      if (at >= 0) {
        positions.put(entry.id(), at);
      }
    }
    return positions;
  }

  private void add(Map<String, Map<WriteId, LogEntry>> writes, LogEntry entry) {
    lastStamp.merge(entry.id().acceptor(), entry.id().stamp(), Math::max);
    if ("PUT".equals(entry.op()) || "DELETE".equals(entry.op())) {
      writes.computeIfAbsent(entry.key(), k -> new LinkedHashMap<>()).putIfAbsent(entry.id(),
          entry);
    }
  }

  /** How long a committed order the history shows: a longer commit count cannot be rebuilt. */
  int committedKnown() {
    return committedKnown;
  }

  /** The write behind a read of key in the log (commits, vv): a PUT, a DELETE, or null. */
  LogEntry lastWrite(String key, long commits, Map<String, Long> vv) {
    KeyWrites writes = byKey.get(key);
    if (writes == null) {
      return null;
    }
    LogEntry tentative = writes.lastTentative(commits, vv, maxStamp(vv));
    return tentative != null ? tentative : writes.lastCommitted(commits);
  }

  /** Whether the write is among the first n of the committed order. */
  boolean committedWithin(WriteId id, long n) {
    int at = prefix == null ? -1 : prefix.position(id);
    return at >= 0 && at < n;
  }

  /** The highest stamp a write in the vector's log can have, retired acceptors' included. */
  private long maxStamp(Map<String, Long> vv) {
    long max = Long.MIN_VALUE;
    for (long stamp : vv.values()) {
      max = Math.max(max, stamp);
    }
    for (Map.Entry<String, Long> acceptor : byLastStamp) { // highest first
      if (acceptor.getValue() <= max) {
        break; // no later acceptor can raise it
      }
      if (!vv.containsKey(acceptor.getKey())
          && Vectors.complete(vv, acceptor.getKey()) == Vectors.RETIRED) {
        return acceptor.getValue();
      }
    }
    return max;
  }
}
