package bayou.checker;

import bayou.history.WriteId;
import java.util.Map;

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

  private Vectors() {}

  /** CompleteV(v, name): the entry, else +infinity if retired, else -infinity if not created. */
  static long complete(Map<String, Long> v, String name) {
    Long stamp = v.get(name);
    if (stamp != null) {
      return stamp;
    }
    if (ROOT.equals(name)) {
      return RETIRED;
    }
    int comma = name.indexOf(',');
    if (!name.startsWith("<") || !name.endsWith(">") || comma < 0) {
      return NOT_CREATED;
    }
    long createStamp;
    try {
      createStamp = Long.parseLong(name.substring(1, comma));
    } catch (NumberFormatException e) {
      return NOT_CREATED;
    }
    String parent = name.substring(comma + 1, name.length() - 1);
    return complete(v, parent) >= createStamp ? RETIRED : NOT_CREATED;
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
