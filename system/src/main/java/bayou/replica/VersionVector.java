package bayou.replica;

import bayou.history.WriteId;
import java.util.HashMap;
import java.util.Map;

/**
 * Server name -> highest accept-stamp seen from it. Missing names are resolved by Petersen et
 * al.'s CompleteV rule, so a server that dropped a retired server never mistakes it for a new one.
 */
public final class VersionVector {
  static final long RETIRED = Long.MAX_VALUE;
  static final long UNBORN = Long.MIN_VALUE;

  private final Map<String, Long> stamps;
  private final boolean namesChecked; // every name checked on entry: toMap may say so
  private Map<String, Long> asMap; // toMap()'s answer until the next change
  private long changes; // how often it changed: checks of what it covers rerun only then

  public VersionVector() {
    this.stamps = new HashMap<>();
    this.namesChecked = true;
  }

  public VersionVector(Map<String, Long> stamps) {
    stamps.keySet().forEach(Names::requireValid);
    this.stamps = new HashMap<>(stamps);
    this.namesChecked = true;
  }

  private VersionVector(Map<String, Long> stamps, boolean shared) {
    this.stamps = stamps;
    this.namesChecked = false;
  }

  /**
   * A vector over a peer's map without copying it, for questions only: gossip asks several per
   * message, and a copy each time was a good part of a simulated run's time.
   */
  static VersionVector readOnly(Map<String, Long> stamps) {
    return new VersionVector(stamps, true);
  }

  /** The stamp for {@code name}, completing missing entries by the CompleteV rule. */
  public long complete(String name) {
    return complete(name, null);
  }

  /** {@link #complete(String)}, resolving missing names through {@code memo} when given. */
  private long complete(String name, Memo memo) {
    Long stamp = stamps.get(name);
    if (stamp != null) {
      return stamp;
    }
    if (Names.isRoot(name)) {
      return RETIRED; // everyone knows the root from the start, so a missing root has retired
    }
    return completeMissing(Names.parsed(name), memo == null ? null : memo.resolved());
  }

  /**
   * CompleteV of a name this vector lacks, walking the parsed chain of its parents; names
   * resolved on the way go into {@code resolved}, when given, and are taken from it again.
   */
  private long completeMissing(Names.Parsed missing, Map<Names.Parsed, Long> resolved) {
    Long known = resolved == null ? null : resolved.get(missing);
    if (known != null) {
      return known;
    }
    Names.Parsed parent = missing.parent();
    if (parent == null) {
      throw new IllegalArgumentException("not a created server's name: " + missing.name());
    }
    Long parentStamp = stamps.get(parent.name());
    long parentComplete = parentStamp != null ? parentStamp
        : parent.parent() == null ? RETIRED : completeMissing(parent, resolved);
    long answer = parentComplete >= missing.createStamp() ? RETIRED : UNBORN;
    if (resolved != null) {
      resolved.put(missing, answer);
    }
    return answer;
  }

  /** Whether this vector has seen the write with this id. */
  public boolean contains(WriteId id) {
    return complete(id.acceptor()) >= id.stamp();
  }

  /** Whether this vector has seen everything {@code other} has seen. */
  public boolean covers(Map<String, Long> other) {
    Memo memo = new Memo();
    for (Map.Entry<String, Long> entry : other.entrySet()) {
      if (complete(entry.getKey(), memo) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Missing names resolved during one {@link #covers}: a client's session vector lists every
   * server it heard of, most of them retired and dropped here, with overlapping chains of
   * parents, so each is resolved once per call. Made only when a name is missing.
   */
  private static final class Memo {
    private Map<Names.Parsed, Long> resolved;

    Map<Names.Parsed, Long> resolved() {
      if (resolved == null) {
        resolved = new java.util.IdentityHashMap<>();
      }
      return resolved;
    }
  }

  public boolean coversVector(VersionVector other) {
    return covers(other.stamps);
  }

  /**
   * Whether {@code other} still lists a server this vector knows to have retired. Dropping a
   * retiree hides its RETIRE write from {@link #covers}: the vector that lists it lacks at least
   * that write, though no stamp comparison shows it.
   */
  public boolean knowsRetiredListedBy(Map<String, Long> other) {
    for (String name : other.keySet()) {
      if (!stamps.containsKey(name) && complete(name) == RETIRED) {
        return true;
      }
    }
    return false;
  }

  public boolean knowsRetiredListedBy(VersionVector other) {
    return knowsRetiredListedBy(other.stamps);
  }

  void advance(String name, long stamp) {
    Long before = stamps.get(name);
    if (before == null) {
      Names.requireValid(name);
    }
    if (before == null || before < stamp) {
      stamps.put(name, stamp);
      asMap = null;
      changes++;
    }
  }

  long changes() {
    return changes;
  }

  void drop(String name) {
    if (stamps.remove(name) != null) {
      asMap = null;
      changes++;
    }
  }

  /**
   * Drops a retired server from a session vector whose commit floor now stands in for it
   * ({@link Replica#committedRetirements}).
   */
  public void forgetRetired(String name) {
    drop(name);
  }

  /** Adds every entry of {@code other} this vector lacks or has lower (a session vector merge). */
  public void mergeFrom(Map<String, Long> other) {
    other.forEach(this::advance);
  }

  /**
   * The session depends on this write: its acceptor's entry is at least its stamp. A server
   * that knows the acceptor retired drops it from its vector, so merging that vector alone
   * would lose the dependency, and a server that has not yet heard of the write could then
   * serve an older value (a monotonic-reads violation a default sweep found, seed 102).
   */
  public void include(WriteId write) {
    advance(write.acceptor(), write.stamp());
  }

  public boolean has(String name) {
    return stamps.containsKey(name);
  }

  /**
   * A sorted, unmodifiable copy: the same vector always iterates (and so encodes and prints)
   * alike, which a bit-for-bit replay needs; {@code Map.copyOf} iterates in a per-JVM order.
   * A {@link VectorSnapshot} unless this is a read-only view of a map whose names nobody checked.
   */
  public Map<String, Long> toMap() {
    if (asMap == null) {
      asMap = namesChecked ? new VectorSnapshot(stamps)
          : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(stamps));
    }
    return asMap;
  }

  @Override
  public String toString() {
    return stamps.toString();
  }
}
