package bayou.checker;

import bayou.history.WriteId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Version-vector arithmetic with Petersen et al.'s CompleteV rule, so that a vector that dropped a
 * retired server still counts as having seen all of its writes.
 */
final class Vectors {
  /** The first server's name; a vector without it has seen it retire. */
  static final String ROOT = "R";
  /** CompleteV of a retired server: every one of its writes has been seen. */
  static final long RETIRED = Long.MAX_VALUE;
  /** CompleteV of a server not yet created, as far as the vector knows: none of its writes. */
  static final long NOT_CREATED = Long.MIN_VALUE;

  /**
   * Created servers' names split into (create stamp, parent), parsed once: CompleteV of a missing
   * name walks its chain of parents, and the substrings and digit scans of every walk were the
   * checkers' largest cost. Each entry links to its parent's, so a walk takes one memo look-up,
   * and the names it asks a vector for are the memo's own instances (fewer text comparisons).
   * Cleared when it outgrows its bound.
   */
  private static final Map<String, Child> CHILDREN = new ConcurrentHashMap<>();
  private static final int CHILDREN_MAX = 65_536;

  /** A name's parts; {@code parent} is null when the name is not a created server's. */
  record Child(String name, long createStamp, Child parent) {}

  private Vectors() {}

  /** CompleteV(v, name): the entry, else +infinity if retired, else -infinity if not created. */
  static long complete(Map<String, Long> v, String name) {
    Long stamp = v.get(name);
    return stamp != null ? stamp : completeAbsent(v, child(name)); // parsed only when missing
  }

  /**
   * CompleteV(v, name) of a name parsed once by {@link #parsed}: for a caller that asks about
   * the same names over and over (a session's dependencies), without a memo look-up each time.
   */
  static long complete(Map<String, Long> v, Child name) {
    Long stamp = v.get(name.name());
    return stamp != null ? stamp : completeAbsent(v, name);
  }

  /** CompleteV of a name v has no entry for. */
  private static long completeAbsent(Map<String, Long> v, Child name) {
    return ROOT.equals(name.name()) ? RETIRED : completeMissing(v, name);
  }

  static Child parsed(String name) {
    return child(name);
  }

  /** CompleteV of a name v lacks (not the root), walking its chain of parents. */
  private static long completeMissing(Map<String, Long> v, Child missing) {
    Child parent = missing.parent();
    if (parent == null) {
      return NOT_CREATED;
    }
    Long stamp = v.get(parent.name());
    long parentComplete = stamp != null ? stamp
        : ROOT.equals(parent.name()) ? RETIRED : completeMissing(v, parent);
    return parentComplete >= missing.createStamp() ? RETIRED : NOT_CREATED;
  }

  private static Child child(String name) {
    Child known = CHILDREN.get(name);
    if (known != null) {
      return known;
    }
    Child child = parse(name);
    if (CHILDREN.size() >= CHILDREN_MAX) {
      CHILDREN.clear();
    }
    CHILDREN.put(name, child);
    return child;
  }

  private static Child parse(String name) {
    int comma = name.indexOf(',');
    if (!name.startsWith("<") || !name.endsWith(">") || comma < 0) {
      return new Child(name, 0, null);
    }
    long createStamp;
    try {
      createStamp = Long.parseLong(name.substring(1, comma));
    } catch (NumberFormatException e) {
      return new Child(name, 0, null);
    }
    return new Child(name, createStamp, child(name.substring(comma + 1, name.length() - 1)));
  }

  /** Whether v has seen the write: CompleteV(v, acceptor) >= stamp. */
  static boolean contains(Map<String, Long> v, WriteId id) {
    return complete(v, id.acceptor()) >= id.stamp();
  }

  /** Whether v covers w: CompleteV(v, x) >= t for every entry (x, t) of w. */
  static boolean covers(Map<String, Long> v, Map<String, Long> w) {
    return firstUncovered(v, w) == null;
  }

  /** An entry name of w that v does not cover, or null when v covers w. */
  static String firstUncovered(Map<String, Long> v, Map<String, Long> w) {
    for (Map.Entry<String, Long> entry : w.entrySet()) {
      if (complete(v, entry.getKey()) < entry.getValue()) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** A vector entry as text, with the retired / not-created cases spelled out. */
  static String entry(Map<String, Long> v, String name) {
    long stamp = complete(v, name);
    if (stamp == RETIRED) {
      return name + " retired";
    }
    return stamp == NOT_CREATED ? "no " + name : name + "=" + stamp;
  }
}
