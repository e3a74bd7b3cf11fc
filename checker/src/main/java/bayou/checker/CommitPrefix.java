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
  private int[] duplicate;

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
      compare(snapshots.get(i).committed(), longest.committed(), mismatch, csnMismatch, i);
    }
    return new CommitPrefix(longest, mismatch, csnMismatch);
  }

  /** One pass over a committed sequence: where it leaves the longest, where its CSNs go wrong. */
  private static void compare(List<LogEntry> committed, List<LogEntry> longest, int[] mismatch,
      int[] csnMismatch, int snapshot) {
    mismatch[snapshot] = committed.size() > longest.size() ? longest.size() : -1;
    csnMismatch[snapshot] = -1;
    int common = Math.min(committed.size(), longest.size());
    for (int i = 0; i < committed.size(); i++) {
      LogEntry entry = committed.get(i);
      if (csnMismatch[snapshot] < 0 && entry.csn() != i + 1) {
        csnMismatch[snapshot] = i;
      }
      if (i < common && mismatch[snapshot] < 0 && !sameId(entry, longest.get(i))) {
        mismatch[snapshot] = i;
      }
    }
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
  int position(WriteId id) {
    Integer position = positions().get(id);
    return position == null ? -1 : position;
  }

  /**
   * A write the longest committed sequence holds twice, as {first, second} positions, or null.
   * Every committed prefix of it is then free of duplicates too.
   */
  int[] duplicateInLongest() {
    positions();
    return duplicate;
  }

  private synchronized Map<WriteId, Integer> positions() {
    if (positions == null) {
      List<LogEntry> log = longestLog();
      Map<WriteId, Integer> index = new HashMap<>(log.size() * 2);
      for (int i = 0; i < log.size(); i++) {
        Integer first = index.putIfAbsent(log.get(i).id(), i);
        if (first != null && duplicate == null) {
          duplicate = new int[] {first, i};
        }
      }
      positions = index;
    }
    return positions;
  }
}
