package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One server of the synthetic Bayou system behind {@link SyntheticHistory}: a prefix of the
 * primary's committed sequence, its own tentative writes after it, a database for both, and its
 * version vector. It exchanges only with the primary, which keeps the simulation small and
 * still a correct Bayou execution.
 */
final class SimServer {
  final int id;
  final String name;
  int knownCommitted;
  final List<LogEntry> tentative = new ArrayList<>();
  private final Map<String, LogEntry> committedDb = new HashMap<>();
  private final Map<String, LogEntry> tentativeDb = new HashMap<>();
  private final Map<String, Long> vector = new HashMap<>();
  private Map<String, Long> vectorView;
  private long lastStamp;

  SimServer(int id, String name) {
    this.id = id;
    this.name = name;
  }

  /** The hybrid logical clock: wall-clock microseconds, past every stamp seen. */
  long nextStamp(long nowMicros) {
    lastStamp = Math.max(nowMicros, lastStamp + 1);
    return lastStamp;
  }

  /** The vector as an immutable map, shared by every event until the vector changes. */
  Map<String, Long> vv() {
    if (vectorView == null) {
      vectorView = Map.copyOf(vector);
    }
    return vectorView;
  }

  /** The write a read of key answers with (a PUT, or the DELETE that removed it), or null. */
  LogEntry lookup(String key) {
    LogEntry entry = tentativeDb.get(key);
    return entry != null ? entry : committedDb.get(key);
  }

  void addTentative(LogEntry entry) {
    tentative.add(entry);
    tentativeDb.put(entry.key(), entry);
    saw(entry);
  }

  /** Applies the next committed write (the caller keeps the commit order). */
  void applyCommitted(LogEntry entry) {
    knownCommitted++;
    if ("PUT".equals(entry.op()) || "DELETE".equals(entry.op())) {
      committedDb.put(entry.key(), entry);
    } else if ("CREATE".equals(entry.op())) {
      // A created server's entry starts at its creation stamp.
      vector.merge(entry.key(), entry.id().stamp(), Math::max);
    }
    saw(entry);
  }

  /**
   * Learns the committed sequence up to its end. The caller has pushed this server's tentative
   * writes to the primary first, so they are all committed now and the tentative part empties.
   */
  void learnCommitted(List<LogEntry> committed) {
    for (int i = knownCommitted; i < committed.size(); i++) {
      applyCommitted(committed.get(i));
    }
    tentative.clear();
    tentativeDb.clear();
  }

  private void saw(LogEntry entry) {
    WriteId id = entry.id();
    vector.merge(id.acceptor(), id.stamp(), Math::max);
    vectorView = null;
    lastStamp = Math.max(lastStamp, id.stamp());
  }
}
