package bayou.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * The latest writes of one key that one session has written or read: the maximal ones under
 * causal order, each with the operation through which the session learned it. A write that
 * precedes any of them is stale for the session.
 */
final class CausalFrontier {
  /** A write the session knows, and the operation (its own write, or a read) that showed it. */
  record Known(CausalWrite write, Op via) {}

  private final List<Known> latest = new ArrayList<>(2);

  /** A known write that w strictly precedes, or null when w is not stale. */
  Known newerThan(CausalWrite w) {
    for (Known known : latest) {
      if (known.write() != w && w.precedesOrIs(known.write())) {
        return known;
      }
    }
    return null;
  }

  void add(CausalWrite w, Op via) {
    latest.removeIf(known -> known.write().precedesOrIs(w));
    for (Known known : latest) {
      if (w.precedesOrIs(known.write())) {
        return;
      }
    }
    latest.add(new Known(w, via));
  }

  boolean isEmpty() {
    return latest.isEmpty();
  }

  Known any() {
    return latest.get(0);
  }
}
