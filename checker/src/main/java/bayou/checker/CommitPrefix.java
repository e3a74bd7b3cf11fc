package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every snapshot's committed sequence compared, by write id, with the longest committed sequence
 * seen anywhere (and its CSNs with 1, 2, ...), in one pass over all snapshots. Computed once per
 * history: several checkers use it to check a committed prefix once, in the longest sequence,
 * instead of once per snapshot.
 */
final class CommitPrefix {
  private final SnapshotEvent longest;
  private final int[] mismatch;
  private final int[] csnMismatch;
  private Map<WriteId, Integer> positions;

  private CommitPrefix(SnapshotEvent longest, int[] mismatch, int[] csnMismatch) {
    this.longest = longest;
    this.mismatch = mismatch;
    this.csnMismatch = csnMismatch;
  }

  static CommitPrefix of(List<SnapshotEvent> snapshots) {
    SnapshotEvent longest = null;
    for (SnapshotEvent snapshot : snapshots) {
      if (longest == null || snapshot.committed().size() > longest.committed().size()) {
        longest = snapshot;
      }
    }
    int[] mismatch = new int[snapshots.size()];
    int[] csnMismatch = new int[snapshots.size()];
    for (int i = 0; i < snapshots.size(); i++) {
      List<LogEntry> committed = snapshots.get(i).committed();
      mismatch[i] = firstMismatch(committed, longest.committed());
      csnMismatch[i] = firstCsnMismatch(committed);
    }
    return new CommitPrefix(longest, mismatch, csnMismatch);
  }

  private static int firstCsnMismatch(List<LogEntry> committed) {
    for (int i = 0; i < committed.size(); i++) {
      if (committed.get(i).csn() != i + 1) {
        return i;
      }
    }
    return -1;
  }

  /** The first position where a differs from b, or -1 when a is a prefix of b. */
  static int firstMismatch(List<LogEntry> a, List<LogEntry> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      if (!sameId(a.get(i), b.get(i))) {
        return i;
      }
    }
    return a.size() > b.size() ? b.size() : -1;
  }

  static boolean sameId(LogEntry a, LogEntry b) {
    return a == b || a.id().equals(b.id());
  }

  /** The snapshot with the longest committed sequence (the first of them), or null if none. */
  SnapshotEvent longest() {
    return longest;
  }

  List<LogEntry> longestLog() {
    return longest == null ? List.of() : longest.committed();
  }

  /** Whether snapshot number i (of History.snapshots) is a prefix of the longest sequence. */
  boolean isPrefix(int snapshot) {
    return mismatch[snapshot] < 0;
  }

  /** The first CSN position (0-based) where snapshot i differs from the longest, or -1. */
  int mismatchAt(int snapshot) {
    return mismatch[snapshot];
  }

  /** The first committed position of snapshot i whose CSN is not position + 1, or -1. */
  int csnMismatchAt(int snapshot) {
    return csnMismatch[snapshot];
  }

  /** The position of a write in the longest committed sequence (its first), or -1 if absent. */
  synchronized int position(WriteId id) {
    if (positions == null) {
      List<LogEntry> log = longestLog();
      positions = new HashMap<>(log.size() * 2);
      for (int i = log.size() - 1; i >= 0; i--) {
        positions.put(log.get(i).id(), i);
      }
    }
    return positions.getOrDefault(id, -1);
  }
}
