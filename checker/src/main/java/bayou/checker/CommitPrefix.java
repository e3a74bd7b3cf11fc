package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import bayou.history.SharedPrefixList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    // One server's snapshots share one committed list (SharedPrefixList): each entry of it is
    // compared once, not once per snapshot, or a long run's check would grow with its square.
    Map<Object, Pass> passes = new IdentityHashMap<>();
    for (int i = 0; i < snapshots.size(); i++) {
      List<LogEntry> committed = snapshots.get(i).committed();
      Pass pass = passes.computeIfAbsent(SharedPrefixList.backing(committed), b -> new Pass());
      pass.extend(committed, longest.committed());
      int size = committed.size();
      mismatch[i] = pass.mismatch >= 0 && pass.mismatch < size ? pass.mismatch : -1;
      csnMismatch[i] = pass.csnMismatch >= 0 && pass.csnMismatch < size ? pass.csnMismatch : -1;
    }
    return new CommitPrefix(longest, mismatch, csnMismatch);
  }

  /**
   * A pass over one committed list, as far as its snapshots went so far: where it first leaves
   * the longest sequence and where its CSNs first go wrong (-1: not yet). No list is longer
   * than the longest, so a snapshot's mismatch is the pass's when it lies within the snapshot.
   */
  private static final class Pass {
    int compared;
    int mismatch = -1;
    int csnMismatch = -1;

    void extend(List<LogEntry> committed, List<LogEntry> longest) {
      for (int i = compared; i < committed.size(); i++) {
        LogEntry entry = committed.get(i);
        if (csnMismatch < 0 && entry.csn() != i + 1) {
          csnMismatch = i;
        }
        if (mismatch < 0 && !sameId(entry, longest.get(i))) {
          mismatch = i;
        }
      }
      compared = Math.max(compared, committed.size());
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
