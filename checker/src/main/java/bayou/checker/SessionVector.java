package bayou.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session depends on, as a version vector that remembers, for each server name, which
 * operation raised the entry to its value: so a violation can name the earlier operation.
 */
final class SessionVector {
  /** One entry: the highest accept-stamp depended on, and the operation that brought it. */
  static final class Dependency {
    final String server;
    private final Vectors.Child parsed;
    long stamp;
    Op op;

    Dependency(String server, long stamp, Op op) {
      this.server = server;
      this.parsed = Vectors.parsed(server);
      this.stamp = stamp;
      this.op = op;
    }
  }

  private final Map<String, Dependency> entries = new HashMap<>();
  /** The same entries in a list: every served operation walks them all, and a list is cheaper. */
  private final List<Dependency> walk = new ArrayList<>();

  void add(String server, long stamp, Op op) {
    Dependency entry = entries.get(server);
    if (entry == null) {
      Dependency added = new Dependency(server, stamp, op);
      entries.put(server, added);
      walk.add(added);
    } else if (stamp > entry.stamp) {
      entry.stamp = stamp;
      entry.op = op;
    }
  }

  void addAll(Map<String, Long> vv, Op op) {
    for (Map.Entry<String, Long> entry : vv.entrySet()) {
      add(entry.getKey(), entry.getValue(), op);
    }
  }

  /** An entry that the vector v does not cover (by CompleteV), or null when v covers them all. */
  Dependency firstUncovered(Map<String, Long> v) {
    for (int i = 0; i < walk.size(); i++) {
      Dependency entry = walk.get(i);
      if (Vectors.complete(v, entry.parsed) < entry.stamp) {
        return entry;
      }
    }
    return null;
  }
}
