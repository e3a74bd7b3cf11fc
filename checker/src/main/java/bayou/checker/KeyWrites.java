package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.WriteId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every known write to one key, in tentative order (accept-stamp, acceptor), with its position in
 * the committed order, so that the last write to the key in a server's log (its first N committed
 * writes, then the tentative writes its vector covers) is found in about log(writes) steps. A max
 * tree over the positions finds the latest write not among the first N committed; only writes
 * the vector does not cover are stepped over, and those are the few in flight at the read.
 */
final class KeyWrites {
  /** The position of a write that is in no known committed order. */
  static final int UNCOMMITTED = Integer.MAX_VALUE;

  private final LogEntry[] byId;
  private final long[] stamps;
  private final int[] position;
  /** Committed writes to the key, by position: positions and the entries. */
  private final int[] committedAt;
  private final LogEntry[] committedEntry;
  /** Max-tree over {@link #position}, leaves from {@link #leaves}. */
  private final int[] tree;
  private final int leaves;

  /** @param writes the key's writes, sorted by id; @param positions their commit positions */
  KeyWrites(List<LogEntry> writes, Map<WriteId, Integer> positions) {
    int n = writes.size();
    byId = writes.toArray(new LogEntry[0]);
    stamps = new long[n];
    position = new int[n];
    int committed = 0;
    for (int i = 0; i < n; i++) {
      stamps[i] = byId[i].id().stamp();
      Integer at = positions.get(byId[i].id());
      position[i] = at == null ? UNCOMMITTED : at;
      committed += at == null ? 0 : 1;
    }
    committedAt = new int[committed];
    committedEntry = new LogEntry[committed];
    Integer[] order = new Integer[committed];
    for (int i = 0, c = 0; i < n; i++) {
      if (position[i] != UNCOMMITTED) {
        order[c++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> Integer.compare(position[a], position[b]));
    for (int c = 0; c < committed; c++) {
      committedAt[c] = position[order[c]];
      committedEntry[c] = byId[order[c]];
    }
    int size = 1;
    while (size < Math.max(1, n)) {
      size <<= 1;
    }
    leaves = size;
    tree = new int[2 * size];
    Arrays.fill(tree, -1);
    for (int i = 0; i < n; i++) {
      tree[size + i] = position[i];
    }
    for (int i = size - 1; i > 0; i--) {
      tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
    }
  }

  /** The last committed write to the key among the first n of the committed order, or null. */
  LogEntry lastCommitted(long n) {
    int lo = 0;
    int hi = committedAt.length; // first index with position >= n
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (committedAt[mid] < n) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == 0 ? null : committedEntry[lo - 1];
  }

  /**
   * The latest write in tentative order that the vector covers and that is not among the first n
   * committed, with an accept-stamp of at most maxStamp; null when there is none.
   */
  LogEntry lastTentative(long n, Map<String, Long> vv, long maxStamp) {
    int hi = upperBound(maxStamp) - 1;
    while (hi >= 0) {
      int i = rightmost(1, 0, leaves - 1, hi, n);
      if (i < 0) {
        return null;
      }
      if (Vectors.contains(vv, byId[i].id())) {
        return byId[i];
      }
      hi = i - 1;
    }
    return null;
  }

  /** How many writes have an accept-stamp of at most maxStamp. */
  private int upperBound(long maxStamp) {
    int lo = 0;
    int hi = stamps.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (stamps[mid] <= maxStamp) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The rightmost leaf at most hi whose position is at least min, or -1. */
  private int rightmost(int node, int from, int to, int hi, long min) {
    if (from > hi || tree[node] < min) {
      return -1;
    }
    if (from == to) {
      return from;
    }
    int mid = (from + to) >>> 1;
    int right = rightmost(2 * node + 1, mid + 1, to, hi, min);
    return right >= 0 ? right : rightmost(2 * node, from, mid, hi, min);
  }
}
