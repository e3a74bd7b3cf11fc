package bayou.replica;

import bayou.history.WriteId;

/**
 * An incrementally kept fingerprint of a log, so that "are these logs identical?" costs O(1) per
 * change instead of a pass over the log: the committed part is hashed in order, the tentative
 * part as a set (its order follows from its content).
 */
public final class LogDigest {
  static final long EMPTY_COMMITTED = 17;

  private long committedHash = EMPTY_COMMITTED;
  private long tentativeHash;

  /** A log's fingerprint; equal logs have equal values. */
  public record Value(long committed, int tentative, long hash) {}

  /** The committed part's hash alone, as {@link #committedHash(java.util.List, int)} gives it. */
  long committedHash() {
    return committedHash;
  }

  void addCommitted(WriteId id) {
    committedHash = foldCommitted(committedHash, id);
  }

  /** The committed part's hash after one more write: what a recount folds over the log. */
  public static long foldCommitted(long hash, WriteId id) {
    return hash * 1_000_003L + mix(id);
  }

  /**
   * The committed hash of the first {@code n} writes of a committed log: what this server's
   * digest held when its log had n commits, and what a snapshot's asker computes over the
   * writes it already holds.
   */
  public static long committedHash(java.util.List<Write> committed, int n) {
    long hash = EMPTY_COMMITTED;
    for (int i = 0; i < n; i++) {
      hash = foldCommitted(hash, committed.get(i).id());
    }
    return hash;
  }

  /** A value from its parts, as a recount makes it. */
  static Value of(long committedCount, int tentativeCount, long committedHash,
      long tentativeHash) {
    return new Value(committedCount, tentativeCount, committedHash * 31 + tentativeHash);
  }

  void addTentative(WriteId id) {
    tentativeHash += mix(id);
  }

  void removeTentative(WriteId id) {
    tentativeHash -= mix(id);
  }

  void clearTentative() {
    tentativeHash = 0;
  }

  Value value(long committedCount, int tentativeCount) {
    return of(committedCount, tentativeCount, committedHash, tentativeHash);
  }

  static long mix(WriteId id) {
    long h = id.stamp() * 0x9E3779B97F4A7C15L + id.acceptor().hashCode();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return h ^ (h >>> 33);
  }
}
